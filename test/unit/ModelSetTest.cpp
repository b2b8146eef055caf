#include "models/ModelSet.h"
#include "support/EmbeddedData.h"

#include <gtest/gtest.h>

using namespace appsec;

namespace {

std::string addError(const std::string &Text) {
  ModelSet M;
  std::string Error;
  EXPECT_FALSE(M.addFile(Text, "user.json", Error));
  return Error;
}

TEST(ModelSet, EveryBuiltinFileParses) {
  unsigned Files = 0;
  for (const EmbeddedFile &F : embeddedFiles()) {
    if (F.Name.rfind("models-", 0) != 0)
      continue;
    ++Files;
    ModelSet M;
    std::string Error;
    EXPECT_TRUE(M.addFile(F.Contents, F.Name, Error)) << Error;
    EXPECT_GT(M.size(), 0u) << F.Name;
  }
  EXPECT_GE(Files, 3u);
  ASSERT_NE(ModelSet::builtin()->find("recv"), nullptr);
  EXPECT_EQ(ModelSet::builtin()->find("recv")->Sources.size(), 1u);
  ASSERT_NE(ModelSet::builtin()->find("std::basic_string::append"), nullptr);
  ASSERT_NE(ModelSet::builtin()->find("sqlite3_exec"), nullptr);
  EXPECT_EQ(ModelSet::builtin()->find("sqlite3_exec")->Sinks[0].Category, SinkCategory::Sql);
}

TEST(ModelSet, ParsesArgumentSpecsAndKinds) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.addFile(R"({"schema": "appsec-tidy/models/v1",
    "sources": [{"function": "::lib::read_msg", "kind": "from-handle:arg0",
                 "defaultKind": "network", "writes": ["arg1", "return"]}],
    "propagators": [{"function": "lib::join", "from": ["args>=1", "this"], "to": ["return"], "replace": true}],
    "validators": [{"function": "lib::ok", "validates": ["arg0"], "categories": ["sql", "path"], "validWhenTrue": false}]
  })", "user.json", Error)) << Error;
  const FunctionModels *R = M.find("lib::read_msg"); // leading :: is dropped
  ASSERT_NE(R, nullptr);
  ASSERT_TRUE(R->Sources[0].KindFromHandle.has_value());
  EXPECT_EQ(R->Sources[0].Kind, SourceKind::Network);
  EXPECT_EQ(R->Sources[0].Writes[1].K, ArgSpec::Return);
  const FunctionModels *J = M.find("lib::join");
  EXPECT_EQ(J->Propagators[0].From[0].K, ArgSpec::ArgsFrom);
  EXPECT_EQ(J->Propagators[0].From[0].Index, 1u);
  EXPECT_TRUE(J->Propagators[0].Replace);
  const FunctionModels *V = M.find("lib::ok");
  EXPECT_EQ(V->Validators[0].Categories, maskOf(SinkCategory::Sql) | maskOf(SinkCategory::Path));
  EXPECT_FALSE(V->Validators[0].ValidWhenTrue);
}

TEST(ModelSet, ErrorsNameFileEntryAndKey) {
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "sinks": [{"function": "f", "category": "sql", "args": ["argument0"]}]})"),
            "user.json: sinks[0] (function \"f\"): key 'args' has \"argument0\"; "
            "expected \"argN\", \"args>=N\", \"this\" or \"return\"");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "sources": [{"function": "f", "writes": ["return"]}]})"),
            "user.json: sources[0] (function \"f\"): missing key 'kind' (expected a string)");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1", "sink": []})"),
            "user.json: top level: unknown key 'sink'; expected schema, description, "
            "sources, propagators, sinks, sanitizers, validators, handles or fields");
  EXPECT_NE(addError("{\"schema\": \"appsec-tidy/models/v1\",\n \"sinks\": [,]}")
                .find("user.json: line 2, column 12: invalid JSON"),
            std::string::npos);
  EXPECT_NE(addError(R"({"schema": "appsec-tidy/models/v1",
    "sources": [{"function": "f", "kind": "radio", "writes": ["return"]}]})")
                .find("key 'kind' has \"radio\""),
            std::string::npos);
}

TEST(ModelSet, UserFilesAddToBuiltins) {
  std::string Error;
  EXPECT_EQ(ModelSet::withUserFiles("/nonexistent/models.json", Error), nullptr);
  EXPECT_EQ(Error, "/nonexistent/models.json: cannot open model file");
}

} // namespace
