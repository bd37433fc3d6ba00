"""The rules both sides use, written once.

Plain Python: no Qt, no FastAPI, no HTTP. The portal imports these to enforce a
rule (turning a refusal code into an error answer); the desktop imports them to
show the same rule early (a greyed control with the reason). Neither side keeps
a copy of its own.
"""
