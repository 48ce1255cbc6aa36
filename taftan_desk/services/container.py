"""The services of one database, built once by the composition root."""

from dataclasses import dataclass

from sqlalchemy import Engine

from taftan_desk.services.accounts import AccountService
from taftan_desk.services.anchors import AnchorService
from taftan_desk.services.changes import ChangeFeed
from taftan_desk.services.corrections import CorrectionService
from taftan_desk.services.crossings import CrossingService
from taftan_desk.services.database import Clock, Database, utc_now
from taftan_desk.services.desk_key import DeskIdentity
from taftan_desk.services.exception_requests import ExceptionService
from taftan_desk.services.health import HealthService
from taftan_desk.services.inspections import InspectionService
from taftan_desk.services.keys import KeyService
from taftan_desk.services.manifests import ManifestService
from taftan_desk.services.printed_documents import PrintedDocumentService
from taftan_desk.services.queries import QueryService
from taftan_desk.services.reconciliation import ReconciliationService
from taftan_desk.services.settings_service import SettingsService
from taftan_desk.services.shift_report import ReportService
from taftan_desk.services.shift_signoff import SignoffService
from taftan_desk.services.weighings import WeighingService


@dataclass(frozen=True)
class Services:
    db: Database
    accounts: AccountService
    settings: SettingsService
    crossings: CrossingService
    inspections: InspectionService
    queries: QueryService
    health: HealthService
    documents: PrintedDocumentService
    keys: KeyService
    anchors: AnchorService
    changes: ChangeFeed
    corrections: CorrectionService
    reports: ReportService
    signoffs: SignoffService
    exceptions: ExceptionService
    manifests: ManifestService
    reconciliation: ReconciliationService
    weighings: WeighingService

    @classmethod
    def build(
        cls,
        engine: Engine,
        clock: Clock = utc_now,
        identity: DeskIdentity | None = None,
    ) -> "Services":
        """`identity`: the desk's key (read when first needed) and the station roots it
        trusts; by default (tests, benchmarks) a key that lasts as long as the process."""
        db = Database(engine, clock, identity)
        reports, anchors = ReportService(db), AnchorService(db)
        return cls(
            db,
            AccountService(db),
            SettingsService(db),
            CrossingService(db),
            InspectionService(db),
            QueryService(db),
            HealthService(db),
            PrintedDocumentService(db),
            KeyService(db),
            anchors,
            ChangeFeed(db),
            CorrectionService(db),
            reports,
            SignoffService(db, reports, anchors),
            ExceptionService(db),
            ManifestService(db),
            ReconciliationService(db),
            WeighingService(db),
        )
