"""Drawing a document the station has issued (services.printed_documents.IssuedDocument),
or a draft of the next one for a preview."""

from taftan_desk.documents import render
from taftan_desk.documents.data import PrintContext
from taftan_desk.documents.i18n import tr
from taftan_desk.documents.layout import Output
from taftan_desk.services.printed_documents import IssuedDocument


def context_of(issued: IssuedDocument) -> PrintContext:
    record = issued.record
    return PrintContext(
        kind=record.kind,
        copy_no=record.copy_no,
        record_no=f"{record.id:06d}" if record.id else tr("PREVIEW"),
        printed_at=record.printed_at,
        station_name=issued.station_name,
        timezone=issued.timezone,
        officer=issued.officer,
        examiner=issued.examiner,
        decided_by=issued.decided_by,
        registered_by=issued.registered_by,
        qr_text=issued.qr_text or None,
        audit_head=issued.audit_head or None,
        size=record.size,
        cargo_limit_kg=issued.cargo_limit_kg,
    )


def render_issued(issued: IssuedDocument, out: Output) -> None:
    """The PDF of an issued document: the same issue always gives the same bytes."""
    render(issued.crossing, context_of(issued), out)
