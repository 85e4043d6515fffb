import Testing

@Test func placeholderCatalogDiff() {}
