import Testing

@Test func placeholderCatalogLint() {}
