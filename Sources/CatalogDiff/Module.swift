/// CatalogDiff module (being built).
enum CatalogDiffModule {}
