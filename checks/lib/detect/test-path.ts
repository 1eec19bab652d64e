/** Test sources: a route registered only in a test is not the app's. */
export const TEST_PATH =
  /(?:^|\/)(?:test|tests|__tests__|__mocks__|fixtures?|e2e|cypress|playwright|spec)\/|\.(?:test|spec)\.[cm]?[jt]sx?$|(?:^|\/)test_[^/]*\.py$|_test\.(?:go|py)$|_spec\.rb$/i;
