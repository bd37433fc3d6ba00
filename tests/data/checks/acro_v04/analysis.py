# the code that produced this session
visits = acro.crosstab([df.clinic, df.quarter], df.kind, suppress=True)
