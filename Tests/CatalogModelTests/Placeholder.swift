import Testing

@Test func placeholderCatalogModelTests() {}
