//! The JSON field names of both documents, in one list.

/// Every field name of both documents, in model order. It is the order issues are sorted in
/// (`order.rs`) — one list serves all objects because where two objects share names (`name`,
/// `kind`, `description`) their relative order agrees — and the numbering of field names on
/// the JavaScript walker's tape (`fast.rs`, handed to the bindings as
/// [`crate::ffi::TAPE_KEYS`]).
pub(crate) const FIELD_NAMES: [&str; 41] = [
    // complaint
    "complainant",
    "project",
    "investor",
    "respondent",
    "authority",
    "writtenForm",
    "conduct",
    "commitments",
    "investorObligations",
    "change",
    "attachments",
    "remedy",
    "receivedAt",
    // nested
    "kind",
    "initiatedBy",
    "reason",
    "statement",
    "negotiated",
    "investorLossFen",
    "compensationFen",
    "name",
    "uscc",
    "contact",
    "phone",
    "email",
    "realName",
    "idNumber",
    "agency",
    "divisionCode",
    "level",
    "documentNo",
    "signedOn",
    "category",
    "occurredOn",
    "description",
    "amountFen",
    "commitmentRef",
    "dueOn",
    "mediaType",
    "sizeBytes",
    "sha256",
];
