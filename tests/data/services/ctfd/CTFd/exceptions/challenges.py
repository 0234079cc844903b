class ChallengeCreateException(Exception):
    pass


class ChallengeUpdateException(Exception):
    pass


class ChallengeSolveException(Exception):
    pass
