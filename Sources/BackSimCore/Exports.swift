// The engine runs policies, so everyone who imports the simulator also sees
// the policy types without a second import.
@_exported public import BackSimPolicies
// Results are made of the statistics layer's value types (CountHistogram,
// ExactMoments, PairedDifference, ConfidenceInterval): re-exported so that
// every type in a public signature here can be named after `import BackSimCore`.
@_exported public import Stochastics
