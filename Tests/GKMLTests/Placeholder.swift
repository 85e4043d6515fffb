import Testing

@Test func placeholderGKMLTests() {}
