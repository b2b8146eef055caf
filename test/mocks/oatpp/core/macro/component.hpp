// Test mock of Oat++: imitates src/oatpp/core/macro/component.hpp (1.3.0). Not Oat++'s code.
#pragma once

#include <memory>

namespace oatpp { namespace base { namespace Environment {
template <typename T> class Component {
public:
  static T &getComponent();
};
}}} // namespace oatpp::base::Environment

#define OATPP_COMPONENT(TYPE, NAME)                                                                \
  TYPE &NAME = oatpp::base::Environment::Component<TYPE>::getComponent()
