"""The DP3AKB (city) window: city summary, kelurahan x indicator matrix, inbox, enrolment."""
