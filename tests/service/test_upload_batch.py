"""Uploads in a row: one queued job ingests them all, and embeds only the new segments."""

from __future__ import annotations

from fastapi.testclient import TestClient

from helpers import HashEmbedder, Team
from qualcode.pipeline.components import Components, default_components
from qualcode.settings import Settings
from qualcode.store import Store

URL = "/api/projects/demo/transcripts"


def upload(client: TestClient, team: Team, n: int) -> int:
    text = f"Moderator: How is bus stop {n}?\n\nParticipant 1: Stop {n} needs a light.\n"
    files = {"file": (f"group{n}.txt", text.encode(), "text/plain")}
    r = client.post(URL, files=files, data={"metadata": "{}"}, headers=team.headers("rita"))
    assert r.status_code == 202, r.text
    return int(r.json()["job"])


def test_uploads_in_a_row_become_one_job_that_embeds_only_new_segments(team: Team) -> None:
    from api import create_app

    embedder = HashEmbedder()

    def parts(store: Store) -> Components:  # as components_for: the store's cache in front
        from qualcode.embed.cache import CachedEmbedder

        settings = Settings.from_strings(store.settings.settings())
        return default_components(settings, CachedEmbedder(store, embedder))

    # jobs wait in the queue; ``parts`` is a closure, so retraining runs in a thread
    app = create_app(team.root, run_jobs=False, parts_for=parts, isolated_training=False)
    with TestClient(app) as client:
        store = Store(team.root / "projects" / "demo")
        runner = app.state.runners.runner("demo")
        for batch in (range(3), range(3, 5)):
            app.state.runners.model("demo").wait_idle()  # retraining embeds on its own
            embedder.encoded.clear()
            before = {s.text for s in store.segments.segments()}
            jobs = {upload(client, team, n) for n in batch}
            assert len(jobs) == 1  # the later uploads joined the queued job
            assert runner.run_once(store) == jobs.pop()
            assert runner.run_once(store) is None  # nothing else was queued
            job = store.jobs.jobs()[0]
            assert job.state == "done" and len(job.result["added"]) == len(batch)
            new = [s.text for s in store.segments.segments() if s.text not in before]
            segment_texts = set(new) | before
            embedded = [t for t in embedder.encoded if t in segment_texts]
            assert new and sorted(embedded) == sorted(new)  # old segments: from the cache
        app.state.runners.model("demo").wait_idle()
        store.close()
    assert sorted(embedder.encoded) == sorted(new)  # the codebook too, the second time


def test_an_upload_after_the_job_started_gets_a_job_of_its_own(team: Team) -> None:
    from api import create_app

    app = create_app(team.root, run_jobs=False)
    with TestClient(app) as client:
        first = upload(client, team, 0)
        store = Store(team.root / "projects" / "demo")
        assert store.jobs.claim_job("test-worker") is not None  # now running
        second = upload(client, team, 1)
        store.close()
    assert second != first
