import Testing

@Test func placeholderYAMLTreeTests() {}
