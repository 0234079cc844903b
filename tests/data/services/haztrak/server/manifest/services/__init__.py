from .emanifest import EManifest, EManifestError, PullManifestsResult, TaskResponse
from .emanifest_search import (
    CorrectionRequestStatus,
    DateType,
    EmanifestSearch,
    EmanifestStatus,
    SiteType,
)
from .manifest import (
    create_manifest,
    get_manifests,
    save_emanifest,
    update_manifest,
)

__all__ = [
    "CorrectionRequestStatus",
    "DateType",
    "EManifest",
    "EManifestError",
    "EmanifestSearch",
    "EmanifestStatus",
    "PullManifestsResult",
    "SiteType",
    "TaskResponse",
    "create_manifest",
    "get_manifests",
    "save_emanifest",
    "update_manifest",
]
