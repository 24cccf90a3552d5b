// Policy tests need the policy types; one import brings both.
@_exported public import BackSimPolicies
