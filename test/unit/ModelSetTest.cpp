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
  EXPECT_EQ(R->Sources[0].Kind, Label::Network);
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
            "labels, sources, propagators, sinks, sanitizers, validators, handles, fields, results or "
            "contentTypes");
  EXPECT_NE(addError("{\"schema\": \"appsec-tidy/models/v1\",\n \"sinks\": [,]}")
                .find("user.json: line 2, column 12: invalid JSON"),
            std::string::npos);
  EXPECT_NE(addError(R"({"schema": "appsec-tidy/models/v1",
    "sources": [{"function": "f", "kind": "radio", "writes": ["return"]}]})")
                .find("key 'kind' has \"radio\""),
            std::string::npos);
}

// The catalog reader's fuzz finding, in the model reader that shared the bug: a
// number no double holds throws out_of_range, which used to escape addFile().
TEST(ModelSet, NumberOutOfRangeIsAnErrorNotACrash) {
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "sinks": [{"function": "f", "category": "sql", "args": ["arg0"], "when": {"arg": -1e999}}]})"),
            "user.json: top level: invalid JSON (number overflow parsing '-1e999')");
}

TEST(ModelSet, LabelsTransformsAndConditions) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.addFile(R"({"schema": "appsec-tidy/models/v1",
    "labels": ["tenant-data"],
    "sources": [{"function": "acme::tenant_row", "kind": "tenant-data", "writes": ["return"]},
                {"function": "acme::token_header", "kind": "token-key-url", "writes": ["return"],
                 "when": {"arg": 1, "is": ["jku", "x5u"]}}],
    "propagators": [
      {"function": "acme::parse_token", "from": ["arg0"], "to": ["return"], "adds": ["jwt-decoded"]},
      {"function": "acme::anonymise", "from": ["arg0"], "to": ["return"], "clears": ["tenant-data", "end-user-data"]},
      {"function": "acme::open_token", "from": ["arg1"], "to": ["arg0"], "adds": ["jwt-decoded"],
       "when": {"arg": 2, "null": true}}],
    "sanitizers": [{"function": "acme::check_sig", "categories": ["jwt-claim"], "from": ["arg0"], "to": ["arg0"]}]})",
                        "user.json", Error))
      << Error;
  auto Tenant = M.labelNamed("tenant-data");
  ASSERT_TRUE(Tenant.has_value());
  EXPECT_EQ(*Tenant, Label::User0);
  EXPECT_EQ(M.labelName(Label::User0), "tenant-data");
  EXPECT_EQ(M.find("acme::tenant_row")->Sources[0].Kind, Label::User0);
  EXPECT_FALSE(M.find("acme::tenant_row")->Sources[0].When.has_value());
  const SourceModel &Header = M.find("acme::token_header")->Sources[0];
  EXPECT_EQ(Header.Kind, Label::TokenKeyUrl);
  ASSERT_TRUE(Header.When.has_value());
  EXPECT_EQ(Header.When->Arg, 1u);
  EXPECT_EQ(Header.When->Is, (std::vector<std::string>{"jku", "x5u"}));
  EXPECT_EQ(M.find("acme::parse_token")->Propagators[0].Adds, maskOf(Label::JwtDecoded));
  EXPECT_EQ(M.find("acme::anonymise")->Propagators[0].Clears,
            maskOf(Label::User0) | maskOf(Label::EndUserData));
  const auto &When = M.find("acme::open_token")->Propagators[0].When;
  ASSERT_TRUE(When.has_value());
  EXPECT_EQ(When->Arg, 2u);
  EXPECT_EQ(When->Null, std::optional<bool>(true));
  EXPECT_EQ(M.find("acme::check_sig")->Sanitizers[0].Categories, maskOf(SinkCategory::JwtClaim));
  // "all" means the injection categories: validation never verifies a JWT.
  EXPECT_FALSE(AllCategories & maskOf(SinkCategory::JwtClaim));
}

TEST(ModelSet, LabelErrors) {
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "propagators": [{"function": "f", "from": ["arg0"], "to": ["return"], "adds": ["tenant"]}]})"),
            "user.json: propagators[0] (function \"f\"): key 'adds' has \"tenant\"; expected one of "
            "network, file, environment, command-line, console, web-request, jwt-decoded, "
            "end-user-data, password, secret, fast-hashed-password, unknown-origin, token-key-url, token-alg (or a label declared under \"labels\")");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1", "labels": ["Tenant Data"]})"),
            "user.json: labels: a label name is a non-empty string of a-z, 0-9 and '-', found "
            "\"Tenant Data\"");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "labels": ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9"]})"),
            "user.json: labels: label \"a9\" is one too many: at most 8 labels can be declared");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "sanitizers": [{"function": "f", "when": {"arg": 1}}]})"),
            "user.json: sanitizers[0] (function \"f\"): key 'when' needs a non-empty 'is', "
            "'contains', 'stream' or 'type', 'null', or 'statement'");
  // Content types: a sink's test, and the calls that declare a type.
  const std::string ContentTypeShape =
      "key 'contentType' must be an object with 'arg' (a number), 'of' (\"this\" or \"argN\") "
      "or both, and 'otherwise': \"html\" or \"other\"";
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "sinks": [{"function": "f", "category": "xss", "args": ["arg0"], "contentType": {"otherwise": "html"}}]})"),
            "user.json: sinks[0] (function \"f\"): " + ContentTypeShape);
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "sinks": [{"function": "f", "category": "xss", "args": ["arg0"], "contentType": {"of": "return"}}]})"),
            "user.json: sinks[0] (function \"f\"): " + ContentTypeShape);
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "sinks": [{"function": "f", "category": "xss", "args": ["arg0"], "contentType": {"arg": 1, "otherwise": "text"}}]})"),
            "user.json: sinks[0] (function \"f\"): " + ContentTypeShape);
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "contentTypes": [{"function": "f", "object": "this"}]})"),
            "user.json: contentTypes[0] (function \"f\"): missing key 'type' (expected a string)");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "contentTypes": [{"function": "f", "object": "args>=1", "type": "arg0"}]})"),
            "user.json: contentTypes[0] (function \"f\"): key 'object' must be \"this\", \"argN\" "
            "or \"return\", and key 'type' one argument (\"argN\")");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "contentTypes": [{"function": "f", "object": "this", "type": "arg0", "kind": "html"}]})"),
            "user.json: contentTypes[0]: unknown key 'kind'; expected function, "
            "object, type, when");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "sinks": [{"function": "f", "category": "store", "args": ["arg0"], "when": {"arg": 0, "statement": "reads"}}]})"),
            "user.json: sinks[0] (function \"f\"): key 'when.statement' must be \"writes\"");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "sinks": [{"function": "f", "category": "store", "args": ["arg0"], "when": {"arg": 0, "is": ["stdout"], "not": 1}}]})"),
            "user.json: sinks[0] (function \"f\"): key 'when.not' must be true or false");
}

TEST(ModelSet, ContentTypesAndWrittenSinks) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.addFile(R"({"schema": "appsec-tidy/models/v1",
    "sinks": [
      {"function": "acme::Reply::body", "category": "xss", "args": ["written"],
       "contentType": {"of": "this", "otherwise": "other"}},
      {"function": "acme::Reply::send", "category": "xss", "args": ["arg0"], "contentType": {"arg": 1}}],
    "contentTypes": [
      {"function": "acme::Reply::setType", "object": "this", "type": "arg0"},
      {"function": "acme::makeReply", "object": "return", "type": "arg1",
       "when": {"arg": 0, "is": ["ok"]}}]})",
                        "user.json", Error))
      << Error;
  const SinkModel &Body = M.find("acme::Reply::body")->Sinks[0];
  EXPECT_TRUE(Body.Written);
  EXPECT_TRUE(Body.Args.empty());
  ASSERT_TRUE(Body.ContentType.has_value());
  EXPECT_FALSE(Body.ContentType->Arg.has_value());
  ASSERT_TRUE(Body.ContentType->Of.has_value());
  EXPECT_EQ(Body.ContentType->Of->K, ArgSpec::This);
  EXPECT_FALSE(Body.ContentType->OtherwiseHtml);
  const SinkModel &Send = M.find("acme::Reply::send")->Sinks[0];
  EXPECT_FALSE(Send.Written);
  ASSERT_TRUE(Send.ContentType.has_value());
  EXPECT_EQ(Send.ContentType->Arg, std::optional<unsigned>(1));
  EXPECT_TRUE(Send.ContentType->OtherwiseHtml);
  const ContentTypeModel &Set = M.find("acme::Reply::setType")->ContentTypes[0];
  EXPECT_EQ(Set.Object.K, ArgSpec::This);
  EXPECT_EQ(Set.TypeArg, 0u);
  const ContentTypeModel &Make = M.find("acme::makeReply")->ContentTypes[0];
  EXPECT_EQ(Make.Object.K, ArgSpec::Return);
  EXPECT_EQ(Make.TypeArg, 1u);
  EXPECT_TRUE(Make.When.has_value());
}

TEST(ModelSet, CallbackParameters) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.addFile(R"({"schema": "appsec-tidy/models/v1",
    "sources": [{"function": "acme::Upload::onPart", "kind": "web-request",
                 "parameters": ["arg0", "arg2"]}]})",
                        "user.json", Error))
      << Error;
  const SourceModel &Src = M.find("acme::Upload::onPart")->Sources[0];
  EXPECT_TRUE(Src.Writes.empty());
  ASSERT_EQ(Src.Parameters.size(), 2u);
  EXPECT_EQ(Src.Parameters[1].Index, 2u);
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "sources": [{"function": "f", "kind": "network", "parameters": ["arg0"], "writes": ["return"]}]})"),
            "user.json: sources[0] (function \"f\"): keys 'parameters' (a callback's) and 'writes' "
            "(a call's) exclude each other");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "sources": [{"function": "f", "kind": "network", "parameters": ["return"]}]})"),
            "user.json: sources[0] (function \"f\"): key 'parameters' must name parameters "
            "(\"arg0\", \"arg1\", ...)");
}

TEST(ModelSet, ResultsByPositionOrReferenceType) {
  ModelSet M;
  std::string Error;
  ASSERT_TRUE(M.addFile(R"({"schema": "appsec-tidy/models/v1", "results": [
    {"function": "acme::check_signature", "result": "arg2"},
    {"function": "acme::verify", "result": "std::error_code", "when": {"arg": 0, "null": false}}]})",
                        "user.json", Error))
      << Error;
  const ResultModel &ByArg = M.find("acme::check_signature")->Results[0];
  ASSERT_TRUE(ByArg.In.has_value());
  EXPECT_EQ(ByArg.In->Index, 2u);
  EXPECT_TRUE(ByArg.InReferenceTo.empty());
  const ResultModel &ByType = M.find("acme::verify")->Results[0];
  EXPECT_FALSE(ByType.In.has_value());
  EXPECT_EQ(ByType.InReferenceTo, "std::error_code");
  EXPECT_TRUE(ByType.When.has_value());
  EXPECT_EQ(ByType.Duty, "error");
  EXPECT_TRUE(ByType.LookedAtBy.empty());

  // A returned value that only particular calls look at.
  ASSERT_TRUE(M.addFile(R"({"schema": "appsec-tidy/models/v1", "results": [
    {"function": "acme::open_session", "result": "return", "lookedAtBy": ["::acme::Session::expires"],
     "duty": "expiry"}]})",
                        "user2.json", Error))
      << Error;
  const ResultModel &Returned = M.find("acme::open_session")->Results[0];
  ASSERT_TRUE(Returned.In.has_value());
  EXPECT_EQ(Returned.In->K, ArgSpec::Return);
  EXPECT_EQ(Returned.LookedAtBy, std::vector<std::string>{"acme::Session::expires"});
  EXPECT_EQ(Returned.Duty, "expiry");

  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "results": [{"function": "f", "result": "this"}]})"),
            "user.json: results[0] (function \"f\"): key 'result' has \"this\"; expected "
            "\"argN\", \"return\" or the qualified name of a record type (\"std::error_code\")");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "results": [{"function": "f", "result": "args>=1"}]})"),
            "user.json: results[0] (function \"f\"): key 'result' must name one argument "
            "(\"argN\"), \"return\" or a reference type (\"std::error_code\")");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "results": [{"function": "f", "result": "return", "lookedAtBy": []}]})"),
            "user.json: results[0] (function \"f\"): key 'lookedAtBy' must be a non-empty "
            "array of function names");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "results": [{"function": "f", "result": "return", "lookedAtBy": [3]}]})"),
            "user.json: results[0] (function \"f\"): key 'lookedAtBy' must contain function names");
  EXPECT_EQ(addError(R"({"schema": "appsec-tidy/models/v1",
    "results": [{"function": "f"}]})"),
            "user.json: results[0] (function \"f\"): missing key 'result' (expected a string)");
}

TEST(ModelSet, UserFilesAddToBuiltins) {
  std::string Error;
  EXPECT_EQ(ModelSet::withUserFiles("/nonexistent/models.json", Error), nullptr);
  EXPECT_EQ(Error, "/nonexistent/models.json: cannot open model file");
}

} // namespace
