"""Portal sync layer: API client, encrypted offline cache, outbox and sync engine.

Free of Qt on purpose (it runs on worker threads and tests without a display).
"""
