"""Forms of values that the model checks and the editors' messages explain, each written once."""

ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""An id (a file's name, a matter's id): lower-case letters a–z and digits, words joined by single hyphens."""

CASE_NUMBER = (r"^(?:[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö .:/-]*)?[0-9]"
               r"(?:[0-9A-Za-zÅÄÖåäö .:/-]*[0-9A-Za-zÅÄÖåäö])?$")
"""A case number (diarienummer) as the municipality writes it: 'SO 2020/0155' in Lund, '2023KS133' in Härryda,
'KS-2023-133' elsewhere: letters, digits, spaces and . : / -, with a digit, beginning and ending with a letter or
digit (and at most CASE_NUMBER_LENGTH characters)."""
CASE_NUMBER_LENGTH = 40

COMMIT = r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$"
"""A git commit's full name: SHA-1 (40 hex digits) or SHA-256 (64)."""

PARAGRAPH_PREFIX = r"^[A-Za-zÅÄÖåäö§][A-Za-zÅÄÖåäö§ .-]{0,19}$"
"""What a protocol writes before its paragraph numbers in place of '§' ('VON' in Håbo's 'VON 2'): letters, '§',
spaces, dots and hyphens, no digit, at most 20 characters."""
