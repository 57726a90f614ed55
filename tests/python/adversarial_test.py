"""Adversarial client of `opstap serve`: what an attacker or an unlucky client sends, and
the safe outcome each must get. A real grpcio client against the server binary.

Run by .ci/run:  python tests/python/adversarial_test.py path/to/opstap
"""

import json
import sys
import unittest

import grpc

from grpc_client_test import ROOT, ServerTestCase, participant_message

MATCH = "/opstap.v1.MatchService/MatchVacancies"
EXPLAIN = "/opstap.v1.MatchService/ExplainMatch"
# The standard clients' metadata limit is 16 KiB; an error must stay far below it.
SHORT_ERROR = 4096


def raw_call(channel, method, payload, metadata, timeout=30):
    """Sends `payload` as the request bytes, whatever they are."""
    call = channel.unary_unary(method, request_serializer=None, response_deserializer=None)
    return call(payload, metadata=metadata, timeout=timeout)


def field(number, payload):
    """A length-delimited protobuf field (wire type 2); payload under 128 bytes or not."""
    length, out = len(payload), bytearray()
    while True:
        byte = length & 0x7F
        length >>= 7
        out.append(byte | (0x80 if length else 0))
        if not length:
            break
    return bytes([number << 3 | 2]) + bytes(out) + payload


class AdversarialTest(ServerTestCase):
    METRICS = True
    profile = json.loads((ROOT / "fixtures/cohort/p-04-technician.json").read_text())

    def refused(self, code, thunk):
        with self.assertRaises(grpc.RpcError) as caught:
            thunk()
        error = caught.exception
        self.assertEqual(error.code(), code, error.details())
        self.assertLess(len(error.details() or ""), SHORT_ERROR)
        return error

    def test_undecodable_bytes_are_a_client_error(self):
        self.refused(grpc.StatusCode.INVALID_ARGUMENT,
                     lambda: raw_call(self.channel, MATCH, b"\xff\xff\xff\xff", self.auth()))

    def test_invalid_utf8_is_a_client_error(self):
        participant = field(1, b"\xff\xfe")  # Participant.id with bytes that are not UTF-8
        self.refused(grpc.StatusCode.INVALID_ARGUMENT,
                     lambda: raw_call(self.channel, MATCH, field(1, participant), self.auth()))

    def test_an_oversized_message_is_resource_exhausted(self):
        participant = field(7, b"x" * (5 * 1024 * 1024))  # one 5 MiB skill
        self.refused(grpc.StatusCode.RESOURCE_EXHAUSTED,
                     lambda: raw_call(self.channel, MATCH, field(1, participant), self.auth()))

    def match(self, profile, **kwargs):
        from opstap.v1 import match_service_pb2, match_service_pb2_grpc
        stub = match_service_pb2_grpc.MatchServiceStub(self.channel)
        request = match_service_pb2.MatchVacanciesRequest(participant=participant_message(profile), **kwargs)
        return stub.MatchVacancies(request, metadata=self.auth(), timeout=30)

    def test_a_profile_of_four_megabytes_of_distinct_words_is_refused(self):
        profile = dict(self.profile, skills=[f"w{i:07d}" for i in range(400_000)])
        error = self.refused(grpc.StatusCode.INVALID_ARGUMENT, lambda: self.match(profile))
        self.assertIn("skills", error.details())
        self.assertIn("50", error.details(), "the refusal names the limit")
        words = " ".join(f"w{i:07d}" for i in range(20_000))
        profile = dict(self.profile, skills=[words])
        error = self.refused(grpc.StatusCode.INVALID_ARGUMENT, lambda: self.match(profile))
        self.assertIn("skills[0]", error.details())

    def explain(self, vacancy_id):
        from opstap.v1 import match_service_pb2, match_service_pb2_grpc
        stub = match_service_pb2_grpc.MatchServiceStub(self.channel)
        request = match_service_pb2.ExplainMatchRequest(
            participant=participant_message(self.profile), vacancy_id=vacancy_id)
        return stub.ExplainMatch(request, metadata=self.auth(), timeout=30)

    def test_a_huge_id_is_refused_with_a_short_error(self):
        error = self.refused(grpc.StatusCode.INVALID_ARGUMENT, lambda: self.explain("v" * 20_000))
        self.assertNotIn("v" * 1100, error.details())

    def test_ids_with_bidi_or_zero_width_characters_are_refused(self):
        for bad in ["v-1\u202e", "v-\u200b1", " v-1", "v-1\n"]:
            self.refused(grpc.StatusCode.INVALID_ARGUMENT, lambda: self.explain(bad))

    def test_an_empty_bearer_is_unauthenticated(self):
        self.refused(grpc.StatusCode.UNAUTHENTICATED,
                     lambda: raw_call(self.channel, MATCH, b"", [("authorization", "Bearer ")]))

    def test_the_server_still_answers(self):
        reply = self.match(self.profile, page_size=3)
        self.assertEqual(len(reply.matches), 3)

    def test_metrics_count_calls_by_method_and_status(self):
        import urllib.request
        self.match(self.profile, page_size=1)
        with self.assertRaises(grpc.RpcError):
            raw_call(self.channel, MATCH, b"\xff\xff", self.auth())
        with urllib.request.urlopen(self.server.metrics_url, timeout=10) as response:
            self.assertEqual(response.status, 200)
            self.assertIn("text/plain", response.headers["content-type"])
            text = response.read().decode()
        method = 'method="/opstap.v1.MatchService/MatchVacancies"'
        lines = [l for l in text.splitlines() if l.startswith("opstap_calls_total") and method in l]
        codes = {l.split('code="')[1].split('"')[0]: float(l.rsplit(" ", 1)[1]) for l in lines}
        self.assertGreaterEqual(codes.get("OK", 0), 1, text)
        self.assertGreaterEqual(codes.get("INVALID_ARGUMENT", 0), 1, text)
        self.assertIn(f'opstap_call_duration_seconds_bucket{{{method},le="+Inf"}}', text)
        self.assertIn("opstap_index_vacancies 400", text)
        self.assertIn("opstap_calls_shed_total 0", text)
        # Nothing but /metrics.
        with self.assertRaises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(self.server.metrics_url.replace("/metrics", "/secrets"), timeout=10)
        self.assertEqual(caught.exception.code, 404)


if __name__ == "__main__":
    BINARY = sys.argv.pop(1)
    unittest.main(verbosity=2)
