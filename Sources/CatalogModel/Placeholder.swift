import YAMLTree
import JSONSchema
