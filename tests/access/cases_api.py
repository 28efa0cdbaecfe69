"""The insurers' API answers only to API keys: every session, also the office's, gets 401.

The documentation (OpenAPI document and its browsable page) is public. Calls with a key are
tested in kring/api/tests/.
"""

import uuid

from tests.access.matrix import EVERYONE, Case

NOBODY = frozenset()  # no persona: only an insurer's key opens these
KEY_ONLY = (401,)
JOB = {"job_id": uuid.UUID("00000000-0000-4000-8000-000000000001")}

CASES = [
    Case("api:v1:openapi-json", EVERYONE),
    Case("api:v1:openapi-view", EVERYONE),
    Case("api:v1:api-root", EVERYONE, ok=(302,)),
    Case("api:v1:registration", NOBODY, kwargs=lambda p: {"number": "004211"}, refused=KEY_ONLY),
    Case("api:v1:registration_by_agb", NOBODY, query="?agb=12345678", refused=KEY_ONLY),
    Case("api:v1:registration_search", NOBODY, query="?name=dijk&postcode=3512", refused=KEY_ONLY),
    Case("api:v1:bulk_create", NOBODY, method="post", data={"number": "004211"}, refused=KEY_ONLY),
    Case("api:v1:bulk_status", NOBODY, kwargs=lambda p: JOB, refused=KEY_ONLY),
    Case("api:v1:bulk_result", NOBODY, kwargs=lambda p: JOB, refused=KEY_ONLY),
    Case("api:v1:unknown", EVERYONE, kwargs=lambda p: {"rest": "no-such-operation"}, ok=(404,)),
    Case("admin:api_apikey_changelist", frozenset({"office"})),
    Case("admin:api_apicall_changelist", frozenset({"office"})),
]
