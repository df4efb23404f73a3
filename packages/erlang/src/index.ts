// The package API lands here; see the issue tracker for its scope.
export {};
