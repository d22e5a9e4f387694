"""Forms of values that the model checks and the editors' messages explain, each written once."""

CASE_NUMBER = r"^(?=\D*\d)[0-9A-Za-zÅÄÖåäö][0-9A-Za-zÅÄÖåäö .:/-]{0,38}[0-9A-Za-zÅÄÖåäö]$"
"""A case number (diarienummer) as the municipality writes it: 'SO 2020/0155' in Lund, '2023KS133' in Härryda,
'KS-2023-133' elsewhere: letters, digits, spaces and . : / -, with a digit, up to 40 characters."""
