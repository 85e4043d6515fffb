import Testing

@Test func placeholderCatalogRender() {}
