"""Real-client test of `opstap serve`: a Python gRPC client (grpcio), generated from
proto/ with grpcio-tools, against the server binary on a free port.

Checks health, reflection (the service list), a match for a cohort participant whose
JSON profile is converted mechanically into the protobuf message, the printable page in
Arabic (PrintPlan), CaseworkService (an outcome recorded, the TWV outreach list of the
cohort streamed in, the audit trail), and an INVALID_ARGUMENT with field violations in the rich error
details.

Run by .ci/run:  python tests/python/grpc_client_test.py path/to/opstap
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import grpc
from google.protobuf import json_format
from google.rpc import error_details_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from grpc_status import rpc_status
from grpc_tools import protoc

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "caseworker-test-token"
TODAY = "2026-11-27"


def generate_client(out_dir):
    """Generates the opstap.v1 client into out_dir with grpcio-tools (no system protoc)."""
    protos = sorted(str(p.relative_to(ROOT / "proto")) for p in (ROOT / "proto/opstap/v1").glob("*.proto"))
    include = os.path.join(os.path.dirname(protoc.__file__), "_proto")
    args = ["protoc", f"-I{ROOT / 'proto'}", f"-I{include}", f"--python_out={out_dir}",
            f"--grpc_python_out={out_dir}", *protos]
    if protoc.main(args) != 0:
        raise RuntimeError("grpc_tools.protoc failed")
    sys.path.insert(0, out_dir)


def screaming(name):
    """CefrLevel -> CEFR_LEVEL: the prefix of the enum's values."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).upper()


def to_proto_json(value, descriptor):
    """The mechanical JSON contract -> protobuf conversion: prefix enum values with their
    type, drop nulls, and list the empty lists whose emptiness is known (proto3 cannot
    tell [] from absent)."""
    out = {}
    for key, v in value.items():
        if v is None:
            continue
        field = descriptor.fields_by_name[key]
        is_list = isinstance(v, list)
        items = v if is_list else [v]
        if field.enum_type is not None:
            prefix = screaming(field.enum_type.name)
            items = [f"{prefix}_{x}" for x in items]
        elif field.message_type is not None:
            items = [to_proto_json(x, field.message_type) for x in items]
        if is_list and not v and "empty_lists" in descriptor.fields_by_name:
            out.setdefault("empty_lists", []).append(key)
        out[key] = items if is_list else items[0]
    return out


def participant_message(profile):
    from opstap.v1 import profile_pb2
    return json_format.ParseDict(to_proto_json(profile, profile_pb2.Participant.DESCRIPTOR), profile_pb2.Participant())


class OpstapServer:
    def __init__(self, binary, data_home, extra_args=(), metrics=False):
        env = dict(os.environ, XDG_DATA_HOME=data_home, RUST_LOG="opstap=warn")
        env.pop("OPSTAP_DATA_DIR", None)
        args = [binary, "--today", TODAY, "serve", "--address", "127.0.0.1:0", "--tokens", f"caseworker:{TOKEN}"]
        if metrics:
            args += ["--metrics-address", "127.0.0.1:0"]
        self.process = subprocess.Popen([*args, *extra_args], stdout=subprocess.PIPE, text=True, env=env)
        line = self.process.stdout.readline()
        match = re.search(r"on http://(\S+)", line)
        if not match:
            self.process.kill()
            raise RuntimeError(f"opstap serve did not start: {line!r}")
        self.address = match.group(1)
        self.metrics_url = None
        if metrics:
            line = self.process.stdout.readline()
            match = re.search(r"metrics on (http://\S+)", line)
            if not match:
                self.process.kill()
                raise RuntimeError(f"no metrics address: {line!r}")
            self.metrics_url = match.group(1)

    def stop(self):
        self.process.terminate()
        return self.process.wait(timeout=30)


class ServerTestCase(unittest.TestCase):
    """One `opstap serve` for the class, with a channel to it; stopped with SIGTERM."""
    METRICS = False

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        generate_client(cls.tmp.name)
        cls.server = OpstapServer(sys.modules["__main__"].BINARY, cls.tmp.name, metrics=cls.METRICS)
        cls.channel = grpc.insecure_channel(cls.server.address)
        grpc.channel_ready_future(cls.channel).result(timeout=30)

    @classmethod
    def tearDownClass(cls):
        cls.channel.close()
        code = cls.server.stop()
        cls.tmp.cleanup()
        assert code == 0, f"opstap serve exited with {code} on SIGTERM"

    def auth(self, token=TOKEN):
        return [("authorization", f"Bearer {token}")]


class RealClientTest(ServerTestCase):

    def test_health_is_serving(self):
        stub = health_pb2_grpc.HealthStub(self.channel)
        for service in ["", "opstap.v1.MatchService", "opstap.v1.VacancyService"]:
            reply = stub.Check(health_pb2.HealthCheckRequest(service=service))
            self.assertEqual(reply.status, health_pb2.HealthCheckResponse.SERVING, service)

    def test_reflection_lists_the_services(self):
        stub = reflection_pb2_grpc.ServerReflectionStub(self.channel)
        replies = stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
        names = {s.name for r in replies for s in r.list_services_response.service}
        for name in ["opstap.v1.MatchService", "opstap.v1.VacancyService", "grpc.health.v1.Health"]:
            self.assertIn(name, names)

    def test_match_for_a_cohort_participant(self):
        from opstap.v1 import explanation_pb2
        from opstap.v1 import match_service_pb2
        from opstap.v1 import match_service_pb2_grpc
        profile = json.loads((ROOT / "fixtures/cohort/p-04-technician.json").read_text())
        stub = match_service_pb2_grpc.MatchServiceStub(self.channel)
        request = match_service_pb2.MatchVacanciesRequest(
            participant=participant_message(profile), page_size=5, locale="en",
            count_eligible=True, include_plan=True)
        reply = stub.MatchVacancies(request, metadata=self.auth(), timeout=30)
        self.assertEqual(reply.participant_id, profile["id"])
        self.assertEqual(len(reply.matches), 5)
        self.assertGreaterEqual(reply.eligible, 5)
        self.assertEqual(reply.next_offset, 5)
        scores = [m.explanation.score for m in reply.matches]
        self.assertEqual(scores, sorted(scores, reverse=True))
        for rank, m in enumerate(reply.matches, start=1):
            self.assertEqual(m.rank, rank)
            self.assertEqual(m.vacancy.id, m.explanation.vacancy_id)
            # `class` is a Python keyword: read the field by name.
            self.assertEqual(getattr(m.explanation, "class"), explanation_pb2.MATCH_CLASS_ELIGIBLE)
            outcomes = {r.outcome for r in m.explanation.requirements}
            self.assertNotIn(explanation_pb2.OUTCOME_BLOCKING, outcomes)
            self.assertNotIn(explanation_pb2.OUTCOME_BRIDGEABLE, outcomes)
            self.assertAlmostEqual(sum(c.contribution for c in m.explanation.components), m.explanation.score, places=9)
            self.assertTrue(all(r.text for r in m.explanation.reasons), "every reason is rendered")
        # The technician's step plan names the VCA course (README, "Matching model").
        targets = {s.target for o in reply.plan.options for s in o.steps}
        self.assertIn("VCA_BASIS", targets)

    def test_print_plan_in_arabic_and_an_unknown_locale(self):
        from opstap.v1 import match_service_pb2
        from opstap.v1 import match_service_pb2_grpc
        profile = json.loads((ROOT / "fixtures/cohort/p-04-technician.json").read_text())
        stub = match_service_pb2_grpc.MatchServiceStub(self.channel)
        request = match_service_pb2.PrintPlanRequest(
            participant=participant_message(profile), locale="ar", caseworker_name="A. de Vries")
        reply = stub.PrintPlan(request, metadata=self.auth(), timeout=30)
        self.assertEqual(reply.content_type, "text/html; charset=utf-8")
        self.assertIn('<html lang="ar" dir="rtl">', reply.html)
        self.assertIn("A. de Vries", reply.html)
        self.assertNotIn("{ $", reply.html)
        self.assertNotRegex(reply.html, r"(src|href)=", "no external resource")
        with self.assertRaises(grpc.RpcError) as caught:
            stub.PrintPlan(match_service_pb2.PrintPlanRequest(
                participant=participant_message(profile), locale="de"), metadata=self.auth(), timeout=30)
        self.assertEqual(caught.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        self.assertIn("nl, en, fr, ar", caught.exception.details())

    def test_casework_records_an_outcome_lists_employers_to_call_and_audits(self):
        from opstap.v1 import casework_service_pb2 as cw
        from opstap.v1 import casework_service_pb2_grpc
        from opstap.v1 import match_service_pb2
        from opstap.v1 import match_service_pb2_grpc
        profile = json.loads((ROOT / "fixtures/cohort/p-04-technician.json").read_text())
        matches = match_service_pb2_grpc.MatchServiceStub(self.channel).MatchVacancies(
            match_service_pb2.MatchVacanciesRequest(participant=participant_message(profile), page_size=3),
            metadata=self.auth(), timeout=30)
        vacancy = matches.matches[0].vacancy.id
        stub = casework_service_pb2_grpc.CaseworkServiceStub(self.channel)
        recorded = stub.RecordOutcome(cw.RecordOutcomeRequest(
            participant_id=profile["id"], vacancy_id=vacancy, event="APPLIED", date=TODAY),
            metadata=self.auth(), timeout=30)
        self.assertGreater(recorded.outcome_id, 0)
        with self.assertRaises(grpc.RpcError) as caught:
            stub.RecordOutcome(cw.RecordOutcomeRequest(
                participant_id=profile["id"], vacancy_id=vacancy, event="APPLIED", date="2099-01-01"),
                metadata=self.auth(), timeout=30)
        self.assertEqual(caught.exception.code(), grpc.StatusCode.INVALID_ARGUMENT)
        # The TWV outreach list for the cohort, streamed in (client streaming).
        profiles = [json.loads(p.read_text()) for p in sorted((ROOT / "fixtures/cohort").glob("*.json"))]
        outreach = stub.TwvOutreach(
            iter([cw.TwvOutreachRequest(participant=participant_message(p)) for p in profiles]),
            metadata=self.auth(), timeout=60)
        self.assertEqual(outreach.participants, len(profiles))
        self.assertTrue(outreach.employers, "the cohort's fitting matches wait on some TWV stances")
        people = [e.people for e in outreach.employers]
        self.assertEqual(people, sorted(people, reverse=True))
        self.assertTrue(all(e.vacancy_ids for e in outreach.employers))
        # The list shown above is in the audit trail, by the token's name.
        trail = stub.GetAuditTrail(cw.GetAuditTrailRequest(participant_id=profile["id"]),
                                   metadata=self.auth(), timeout=30)
        shown = [e for e in trail.entries if e.call == "MatchVacancies"]
        self.assertTrue(shown)
        self.assertIn(vacancy, {r.vacancy_id for e in shown for r in e.results})

    def test_invalid_argument_names_the_field(self):
        from opstap.v1 import match_service_pb2
        from opstap.v1 import match_service_pb2_grpc
        profile = json.loads((ROOT / "fixtures/cohort/p-04-technician.json").read_text())
        profile["certificates"] = ["VCA_NOPE"]
        stub = match_service_pb2_grpc.MatchServiceStub(self.channel)
        request = match_service_pb2.MatchVacanciesRequest(participant=participant_message(profile))
        with self.assertRaises(grpc.RpcError) as caught:
            stub.MatchVacancies(request, metadata=self.auth(), timeout=30)
        error = caught.exception
        self.assertEqual(error.code(), grpc.StatusCode.INVALID_ARGUMENT)
        status = rpc_status.from_call(error)
        self.assertIsNotNone(status, "rich error details are attached")
        violations = []
        for detail in status.details:
            if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                bad = error_details_pb2.BadRequest()
                detail.Unpack(bad)
                violations.extend(bad.field_violations)
        self.assertEqual([v.field for v in violations], ["participant.certificates[0]"])
        self.assertIn("VCA_NOPE", violations[0].description)

    def test_no_token_is_unauthenticated(self):
        from opstap.v1 import match_service_pb2
        from opstap.v1 import match_service_pb2_grpc
        stub = match_service_pb2_grpc.MatchServiceStub(self.channel)
        with self.assertRaises(grpc.RpcError) as caught:
            stub.MatchVacancies(match_service_pb2.MatchVacanciesRequest(), timeout=30)
        self.assertEqual(caught.exception.code(), grpc.StatusCode.UNAUTHENTICATED)


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    unittest.main(verbosity=2)
