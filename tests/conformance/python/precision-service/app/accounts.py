"""Account sign-up: calls the directory over gRPC and a few libraries."""
import logging
import urllib.parse

import grpc
import phonenumbers

from .gen import directory_pb2, directory_pb2_grpc

log = logging.getLogger(__name__)
_channel = grpc.insecure_channel("directory:50051")
directory = directory_pb2_grpc.DirectoryStub(_channel)


def sign_up(email, phone):
    reply = directory.Lookup(directory_pb2.LookupRequest(email=email))
    # the directory's answer, not our request
    log.info("directory answered %s with status %s", reply.id, reply.status)
    parsed = phonenumbers.parse(phone, "GB")
    log.info("phone region %s", phonenumbers.region_code_for_number(parsed))
    quoted = urllib.parse.quote(email)
    log.warning("sign-up link for %s", quoted)  # expect: pii-to-log user.contact.email
    try:
        phonenumbers.parse(phone, None)
    except phonenumbers.NumberParseException as exc:
        log.error("unparsable number (%s)", exc.error_type)
    return reply.id
