"""The reconciliation tests' train (importable as tests.reconciliation_scenario): PR-12's
40 wagons imported from a manifest, 37 registered (some differing from it), one container
registered on the train that no manifest announces, and a second manifest withdrawn."""

from taftan_desk.core.registration import SealInput
from tests.manifest_files import csv_bytes, number, rail_form, train_rows
from tests.support import TYPED, Desk, typed_weighing

TRAIN = "PR-12"
HS_CHANGED = (3, 7, 11)  # registered as HS 720840 where the manifest says 720839
HS_REFINED = 14  # 72083900: the manifest's subheading with the tariff's two digits
OTHER_SEAL = 5  # ZZ999 found instead of the listed PK200005
CATEGORY_CHANGED = 12  # registered as industrial goods, the manifest says steel
FAR_NET = 9  # weighed 25,000 kg net against 20,910 declared (tolerance 1,045 kg)
NEAR_NET = 10  # weighed 21,200 kg net against 20,900 declared: within the tolerance
BROKEN_SEAL = 20  # its listed seal PK100020 found broken
CORRECTED_SEAL = 15  # registered as listed, then corrected to seal XX1 instead of PK200015
REGISTERED = 37  # wagons 0..36; 37, 38 and 39 never arrive
EXTRA = number(100)  # on the train, on no manifest


_CHANGES: dict[int, dict[str, object]] = {
    **{i: {"hs_code": "720840"} for i in HS_CHANGED},
    HS_REFINED: {"hs_code": "72083900"},
    OTHER_SEAL: {"seals": (SealInput("PK100005"), SealInput("ZZ999"))},
    CATEGORY_CHANGED: {"cargo_category": "industrial"},
    BROKEN_SEAL: {"seals": (SealInput("PK100020", "broken"), SealInput("PK200020"))},
    NEAR_NET: {"gross_kg": "24000", "tare_kg": "2800", "weight_reason": TYPED},
}


def build_train(desk: Desk) -> dict[int, int]:
    """The scenario of this module on `desk`; the crossing id of each registered wagon."""
    services, officer = desk.services, desk.officer
    assert services.manifests.load(officer, "PR-12.csv", csv_bytes(train_rows(40))).ok
    # A second manifest for the same train, withdrawn: its containers are not shortages.
    withdrawn = services.manifests.load(
        officer, "PR-12-late.csv", csv_bytes(train_rows(2, start=200))
    )
    assert withdrawn.manifest_id is not None
    services.manifests.withdraw(officer, withdrawn.manifest_id, "Wagons not loaded")
    ids = {}
    for i in range(REGISTERED):
        form = rail_form(i, **_CHANGES.get(i, {}))
        ids[i] = services.crossings.register(officer, form).crossing.id
    services.crossings.record_weighing(officer, ids[FAR_NET], typed_weighing("28000", "3000"))
    services.corrections.correct(
        officer,
        ids[CORRECTED_SEAL],
        rail_form(CORRECTED_SEAL, seals=(SealInput("PK100015"), SealInput("XX1"))),
        "Second seal misread at registration",
    )
    services.crossings.register(officer, rail_form(100, wagon_no="59999"))  # the excess
    # Neither on this train's manifests nor registered on it: none of its business.
    services.crossings.register(officer, rail_form(101, train_no="PR-13", wagon_no="60000"))
    return ids
