@_exported import TriageTestSupport
