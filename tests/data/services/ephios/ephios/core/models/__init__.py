from .events import (
    AbstractParticipation,
    Event,
    EventType,
    EventTypePreference,
    LocalParticipation,
    Shift,
)
from .users import (
    Consequence,
    Notification,
    Qualification,
    QualificationCategory,
    QualificationGrant,
    UserProfile,
    WorkingHours,
)
