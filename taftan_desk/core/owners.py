"""Owner codes (BIC prefixes) a station commonly sees, as editable starting data.

ISO 6346's check digit is weak (8.5 % of owner-letter typos still validate), so an owner code
the station has never seen deserves a warning even when the check digit passes. Stations add
their own codes; this list only seeds a new database.
"""

DEFAULT_KNOWN_OWNERS: dict[str, str] = {
    "CSQ": "COSCO Shipping",
    "CBH": "COSCO Shipping",
    "MSK": "Maersk",
    "MRK": "Maersk",
    "MSC": "Mediterranean Shipping Company",
    "MED": "Mediterranean Shipping Company",
    "HLX": "Hapag-Lloyd",
    "HLB": "Hapag-Lloyd",
    "CMA": "CMA CGM",
    "ONE": "Ocean Network Express",
    "EGH": "Evergreen",
    "OOL": "OOCL",
    "TAS": "Triton (TAL)",
    "TCL": "Textainer",
    "TGH": "Textainer",
    "SEG": "Seaco",
    "IRS": "IRISL (Islamic Republic of Iran Shipping Lines)",
    "HDM": "HMM",
    "YML": "Yang Ming",
    "ZIM": "ZIM",
    "RZD": "Russian Railways (RZD)",
    "TKR": "TransContainer",
    "PRF": "Pakistan Railways Freight",
}
