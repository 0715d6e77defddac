"""``qualcode eval-coding``: code suggestion measured against the peers a user could pick
instead, on a labelled set, with learning curves from a simulated coder."""

from qualcode.coding.evaluate.data import LabelledText, load_labelled
from qualcode.coding.evaluate.harness import CurvePoint, run_curves

__all__ = ["CurvePoint", "LabelledText", "load_labelled", "run_curves"]
