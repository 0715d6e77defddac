#!/usr/bin/env bash
# Train qualcode's NER model (CPU, about 10 minutes on 2 cores).  Reproducible: the data
# generator and spaCy are seeded (system.seed = 0 in config.cfg).
#   models/ner/train.sh            # from anywhere; uses the repository's .venv
# Output: models/ner/model-best (the pipeline), then evaluation.json via evaluate.py.
set -euo pipefail
cd "$(dirname "$0")"
PY=${PY:-../../.venv/bin/python}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1} PYTHONHASHSEED=0

[ -f corpus/train.spacy ] || nice "$PY" prepare_data.py
start=$(date +%s)
nice "$PY" -m spacy train config.cfg --output training --system.seed 0
end=$(date +%s)

rm -rf model-best
mv training/model-best model-best
rm -rf training
"$PY" - "$((end - start))" <<'PY'
import json, sys
from pathlib import Path
meta_path = Path("model-best/meta.json")
meta = json.loads(meta_path.read_text())
meta.update(
    name="qualcode_ner_ca",
    version="0.1.0",
    description="Small CNN NER (PERSON, LOC, ORG) for English focus-group transcripts "
    "from Central Asia; trained on WNUT-17 and synthetic sentences. See models/ner/README.md.",
    license="CC BY 4.0 (WNUT-17 training data); model card: models/ner/README.md",
    author="qualcode",
    sources=[
        {"name": "WNUT-17 Emerging and Rare Entities", "license": "CC BY 4.0",
         "url": "https://github.com/leondz/emerging_entities_17/tree/"
                "e52a2d2a71ac1a051ca2d532eef28653c5c02603"},
        {"name": "Faker (uz_UZ, ru_RU name lists)", "license": "MIT",
         "url": "https://github.com/joke2k/faker"},
        {"name": "qualcode hand-written templates and lexicons", "license": "MIT"},
    ],
)
meta["training_seconds"] = int(sys.argv[1])
meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")
PY
echo "trained in $((end - start)) s"
nice "$PY" evaluate.py
