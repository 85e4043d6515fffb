/// CatalogRender module (being built).
enum CatalogRenderModule {}
