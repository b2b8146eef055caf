// Test mock of Oat++: imitates src/oatpp/codegen/ApiController_undef.hpp (1.3.0). Not Oat++'s code.
#undef REQUEST
#undef HEADER
#undef PATH
#undef QUERIES
#undef QUERY
#undef BODY_STRING
#undef BODY_DTO
#undef AUTHORIZATION
#undef ENDPOINT
