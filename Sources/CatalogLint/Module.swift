/// CatalogLint module (being built).
enum CatalogLintModule {}
