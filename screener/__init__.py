"""The pre-screener's edges and orchestration: trial data, services, store, UI helpers."""
