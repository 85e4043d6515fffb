import Testing

@Test func placeholderJSONSchemaTests() {}
