"""OpenTelemetry set-up: spans are exported over OTLP to the APM backend."""
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor

provider = TracerProvider()
provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
trace.set_tracer_provider(provider)

tracer = trace.get_tracer("accounts")


def annotate_user(user):
    span = trace.get_current_span()
    span.set_attribute("enduser.created", True)
    span.set_attribute("enduser.email", user.email)  # expect: pii-to-third-party user.contact.email
    trace.get_current_span().set_attributes({"enduser.phone": user.phone, "enduser.source": "web"})  # expect: pii-to-third-party user.contact.phone_number
