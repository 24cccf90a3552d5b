// The engine runs policies, so everyone who imports the simulator also sees
// the policy types without a second import.
@_exported public import BackSimPolicies
