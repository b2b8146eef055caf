#include "models/ModelSet.h"
#include "support/EmbeddedData.h"
#include "support/JsonErrors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>

namespace appsec {

using nlohmann::json;

namespace {

class ModelReader {
public:
  ModelReader(std::string_view File, std::string &Error, const ModelSet &Set)
      : File(File), Error(Error), Set(Set) {}

  bool fail(const std::string &Where, const std::string &What) {
    Error = std::string(File) + ": " + Where + ": " + What;
    return false;
  }

  bool argSpec(const std::string &S, const std::string &Where, const char *Key,
               ArgSpec &Out) {
    auto Number = [&](const std::string &Digits, unsigned &N) {
      if (Digits.empty() || Digits.size() > 2 ||
          Digits.find_first_not_of("0123456789") != std::string::npos)
        return false;
      N = unsigned(std::stoul(Digits));
      return true;
    };
    if (S == "this") {
      Out = {ArgSpec::This, 0};
      return true;
    }
    if (S == "return") {
      Out = {ArgSpec::Return, 0};
      return true;
    }
    if (S.rfind("args>=", 0) == 0 && Number(S.substr(6), Out.Index)) {
      Out.K = ArgSpec::ArgsFrom;
      return true;
    }
    if (S.rfind("arg", 0) == 0 && Number(S.substr(3), Out.Index)) {
      Out.K = ArgSpec::Arg;
      return true;
    }
    return fail(Where, std::string("key '") + Key + "' has \"" + S +
                           "\"; expected \"argN\", \"args>=N\", \"this\" or \"return\"");
  }

  bool specList(const json &E, const char *Key, const std::string &Where,
                std::vector<ArgSpec> &Out, bool Required) {
    auto It = E.find(Key);
    if (It == E.end())
      return Required ? fail(Where, std::string("missing key '") + Key +
                                        "' (expected an array such as [\"arg0\"])")
                      : true;
    if (!It->is_array())
      return fail(Where, std::string("key '") + Key + "' must be an array of "
                                                      "strings, found " + It->type_name());
    for (const json &V : *It) {
      if (!V.is_string())
        return fail(Where, std::string("key '") + Key +
                               "' must contain strings, found " + V.type_name());
      ArgSpec A;
      if (!argSpec(V.get<std::string>(), Where, Key, A))
        return false;
      Out.push_back(A);
    }
    return true;
  }

  bool boolean(const json &E, const char *Key, const std::string &Where, bool &Out) {
    auto It = E.find(Key);
    if (It == E.end())
      return true;
    if (!It->is_boolean())
      return fail(Where, std::string("key '") + Key + "' must be true or false, found " +
                             It->type_name());
    Out = It->get<bool>();
    return true;
  }

  bool string(const json &E, const char *Key, const std::string &Where,
              std::string &Out, bool Required) {
    auto It = E.find(Key);
    if (It == E.end())
      return Required ? fail(Where, std::string("missing key '") + Key +
                                        "' (expected a string)")
                      : true;
    if (!It->is_string())
      return fail(Where, std::string("key '") + Key + "' must be a string, found " +
                             It->type_name());
    Out = It->get<std::string>();
    return true;
  }

  /// An optional array of function names (leading "::" dropped).
  bool names(const json &E, const char *Key, const std::string &Where,
             std::vector<std::string> &Out) {
    auto It = E.find(Key);
    if (It == E.end())
      return true;
    if (!It->is_array() || It->empty())
      return fail(Where, std::string("key '") + Key +
                             "' must be a non-empty array of function names");
    for (const json &V : *It) {
      if (!V.is_string() || V.get<std::string>().empty())
        return fail(Where, std::string("key '") + Key + "' must contain function names");
      std::string N = V.get<std::string>();
      Out.push_back(N.rfind("::", 0) == 0 ? N.substr(2) : N);
    }
    return true;
  }

  bool kind(const std::string &S, const std::string &Where, Label &Out,
            const char *Key = "kind") {
    if (auto K = Set.labelNamed(S)) {
      Out = *K;
      return true;
    }
    return fail(Where, std::string("key '") + Key + "' has \"" + S + "\"; expected one of " +
                           Set.labelNames() + " (or a label declared under \"labels\")");
  }

  bool labels(const json &E, const char *Key, const std::string &Where, LabelMask &Out) {
    auto It = E.find(Key);
    if (It == E.end())
      return true;
    if (!It->is_array())
      return fail(Where, std::string("key '") + Key + "' must be an array of label names");
    for (const json &V : *It) {
      Label L;
      if (!V.is_string() || !kind(V.get<std::string>(), Where, L, Key))
        return V.is_string() ? false
                             : fail(Where, std::string("key '") + Key + "' must contain strings");
      Out |= maskOf(L);
    }
    return true;
  }

  bool condition(const json &E, const std::string &Where, std::optional<ArgCondition> &Out) {
    auto When = E.find("when");
    if (When == E.end())
      return true;
    if (!When->is_object() || !When->contains("arg") ||
        !((*When)["arg"].is_number_unsigned() || (*When)["arg"] == "this"))
      return fail(Where, "key 'when' must be an object with a numeric 'arg' (or \"this\") and "
                         "'is', 'contains', 'stream' or 'type' arrays of strings, 'null': true/false, "
                         "or 'statement'/'statement_name': \"writes\"");
    ArgCondition C;
    if ((*When)["arg"] == "this")
      C.OnThis = true;
    else
      C.Arg = (*When)["arg"].get<unsigned>();
    for (const char *Key : {"statement", "statement_name"}) {
      auto S = When->find(Key);
      if (S == When->end())
        continue;
      if (*S != "writes")
        return fail(Where, std::string("key 'when.") + Key + "' must be \"writes\"");
      C.Statement = std::string(Key) == "statement" ? ArgCondition::StatementWrites
                                                    : ArgCondition::StatementNameWrites;
    }
    if (auto N = When->find("not"); N != When->end()) {
      if (!N->is_boolean())
        return fail(Where, "key 'when.not' must be true or false");
      C.Negate = N->get<bool>();
    }
    for (const char *Key : {"is", "contains", "stream", "type"}) {
      auto L = When->find(Key);
      if (L == When->end())
        continue;
      if (!L->is_array())
        return fail(Where, std::string("key 'when.") + Key + "' must be an array of strings");
      for (const json &V : *L) {
        if (!V.is_string())
          return fail(Where, std::string("key 'when.") + Key + "' must contain strings");
        std::string K(Key);
        (K == "is" ? C.Is : K == "contains" ? C.Contains : K == "type" ? C.Type : C.Stream)
            .push_back(V.get<std::string>());
      }
    }
    if (auto N = When->find("null"); N != When->end()) {
      if (!N->is_boolean())
        return fail(Where, "key 'when.null' must be true or false");
      C.Null = N->get<bool>();
    }
    if (C.Is.empty() && C.Contains.empty() && C.Stream.empty() && C.Type.empty() && !C.Null &&
        !C.Statement)
      return fail(Where, "key 'when' needs a non-empty 'is', 'contains', 'stream' or 'type', "
                         "'null', or 'statement'");
    Out = C;
    return true;
  }

  /// "format": "argN" and "escapes": {"q": ["sql"], ...}: a printf-like
  /// format whose conversions decide what each argument is escaped for.
  bool format(const json &E, const std::string &Where, PropagatorModel &P) {
    auto F = E.find("format");
    auto X = E.find("escapes");
    if (F == E.end()) {
      if (X != E.end())
        return fail(Where, "key 'escapes' needs a 'format' argument");
      return true;
    }
    ArgSpec A;
    if (!F->is_string() || !argSpec(F->get<std::string>(), Where, "format", A) ||
        A.K != ArgSpec::Arg)
      return fail(Where, "key 'format' must name one argument, e.g. \"arg0\"");
    P.Format = A.Index;
    if (X == E.end())
      return true;
    if (!X->is_object())
      return fail(Where, "key 'escapes' must map conversion letters to arrays of categories");
    for (auto It = X->begin(); It != X->end(); ++It) {
      if (It.key().size() != 1 || !It.value().is_array())
        return fail(Where, "key 'escapes' must map one conversion letter (\"q\") to an array "
                           "of categories, not \"" + It.key() + "\"");
      json Wrapped = {{"categories", It.value()}};
      CategoryMask M = 0;
      if (!categories(Wrapped, Where, M))
        return false;
      P.Escapes[It.key()[0]] = M;
    }
    return true;
  }

  /// "contentType": {"arg": N, "of": "this", "otherwise": "html"|"other"}.
  bool contentTypeTest(const json &E, const std::string &Where,
                       std::optional<ContentTypeTest> &Out) {
    auto It = E.find("contentType");
    if (It == E.end())
      return true;
    const char *Shape = "key 'contentType' must be an object with 'arg' (a number), 'of' "
                        "(\"this\" or \"argN\") or both, and 'otherwise': \"html\" or \"other\"";
    if (!It->is_object())
      return fail(Where, Shape);
    ContentTypeTest T;
    for (auto &[Key, V] : It->items()) {
      if (Key == "arg" && V.is_number_unsigned()) {
        T.Arg = V.get<unsigned>();
      } else if (Key == "of" && V.is_string()) {
        ArgSpec A;
        if (!argSpec(V.get<std::string>(), Where, "contentType.of", A))
          return false;
        if (A.K != ArgSpec::This && A.K != ArgSpec::Arg)
          return fail(Where, Shape);
        T.Of = A;
      } else if (Key == "otherwise" && (V == "html" || V == "other")) {
        T.OtherwiseHtml = V == "html";
      } else {
        return fail(Where, Shape);
      }
    }
    if (!T.Arg && !T.Of)
      return fail(Where, Shape);
    Out = T;
    return true;
  }

  bool categories(const json &E, const std::string &Where, CategoryMask &Out) {
    auto It = E.find("categories");
    if (It == E.end())
      return true; // all
    if (!It->is_array())
      return fail(Where, "key 'categories' must be an array of strings");
    Out = 0;
    for (const json &V : *It) {
      std::string S = V.is_string() ? V.get<std::string>() : "";
      if (S == "all") {
        Out = AllCategories;
        continue;
      }
      auto C = categoryFromKey(S);
      if (!C)
        return fail(Where, "key 'categories' has \"" + S + "\"; expected \"all\" or one of " +
                               categoryKeys());
      Out |= maskOf(*C);
    }
    return true;
  }

  std::string_view File;
  std::string &Error;
  const ModelSet &Set;
};

} // namespace

bool ModelSet::addFile(std::string_view Text, std::string_view FileName,
                       std::string &Error) {
  ModelReader R(FileName, Error, *this);
  json Doc;
  try {
    Doc = json::parse(Text.begin(), Text.end(), nullptr, true, /*ignore_comments=*/true);
  } catch (const json::parse_error &E) {
    return R.fail(jsonErrorPosition(E, Text), "invalid JSON (" + jsonErrorMessage(E) + ")");
  } catch (const json::exception &E) {
    // A number out of double's range (1e400) throws out_of_range, not parse_error.
    return R.fail("top level", "invalid JSON (" + jsonErrorMessage(E) + ")");
  }
  if (!Doc.is_object())
    return R.fail("top level", std::string("expected an object, found ") + Doc.type_name());
  std::string Schema;
  if (!R.string(Doc, "schema", "top level", Schema, true))
    return false;
  if (Schema != "appsec-tidy/models/v1")
    return R.fail("top level", "key 'schema' must be \"appsec-tidy/models/v1\", found \"" +
                                   Schema + "\"");
  static const char *Sections[] = {"sources",  "propagators", "sinks",   "sanitizers",  "validators",
                                   "handles",  "fields",      "results", "contentTypes"};
  for (auto &[Key, Value] : Doc.items()) {
    bool Known = Key == "schema" || Key == "description" || Key == "labels";
    for (const char *S : Sections)
      Known |= Key == S;
    if (!Known)
      return R.fail("top level", "unknown key '" + Key + "'; expected schema, "
                    "description, labels, sources, propagators, sinks, sanitizers, "
                    "validators, handles, fields, results or contentTypes");
  }
  // Labels of the user's own: declared before the entries that use them.
  if (auto It = Doc.find("labels"); It != Doc.end()) {
    if (!It->is_array())
      return R.fail("top level", "key 'labels' must be an array of label names");
    for (const json &V : *It) {
      std::string Name = V.is_string() ? V.get<std::string>() : "";
      bool Valid = !Name.empty() && Name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") ==
                                        std::string::npos;
      if (!Valid)
        return R.fail("labels", "a label name is a non-empty string of a-z, 0-9 and '-', found " +
                                    V.dump());
      if (labelNamed(Name))
        continue; // declared by an earlier file, or built in
      if (UserLabels.size() == MaxUserLabels)
        return R.fail("labels", "label \"" + Name + "\" is one too many: at most " +
                                    std::to_string(MaxUserLabels) + " labels can be declared");
      UserLabels.push_back(Name);
    }
  }
  for (const char *Section : Sections) {
    auto It = Doc.find(Section);
    if (It == Doc.end())
      continue;
    if (!It->is_array())
      return R.fail("top level", std::string("key '") + Section +
                                     "' must be an array of objects");
    for (size_t I = 0; I < It->size(); ++I) {
      const json &E = (*It)[I];
      std::string Where = std::string(Section) + "[" + std::to_string(I) + "]";
      if (!E.is_object())
        return R.fail(Where, std::string("expected an object, found ") + E.type_name());
      {
        static const std::map<std::string, std::vector<std::string>> Allowed = {
            {"sources", {"function", "kind", "defaultKind", "writes", "parameters", "description", "when"}},
            {"propagators", {"function", "from", "to", "replace", "alias", "adds", "clears", "when",
                             "format", "escapes"}},
            {"sinks", {"function", "category", "args", "argsIfShell", "what", "when", "contentType"}},
            {"sanitizers", {"function", "categories", "from", "to", "canonicalizes", "weak_for_passwords", "when"}},
            {"validators", {"function", "validates", "categories", "validWhenTrue"}},
            {"handles", {"function", "kind", "writes"}},
            {"fields", {"field", "kind", "description"}},
            {"results", {"function", "result", "when", "lookedAtBy", "duty"}},
            {"contentTypes", {"function", "object", "type", "when"}}};
        const auto &Keys = Allowed.at(Section);
        for (auto &[Key, Value] : E.items()) {
          (void)Value;
          if (std::find(Keys.begin(), Keys.end(), Key) == Keys.end()) {
            std::string List;
            for (const std::string &K : Keys)
              List += (List.empty() ? "" : ", ") + K;
            return R.fail(Where, "unknown key '" + Key + "'; expected " + List);
          }
        }
      }
      if (std::string(Section) == "fields") {
        std::string Field, Kind;
        if (!R.string(E, "field", Where, Field, true) ||
            !R.string(E, "kind", Where, Kind, true))
          return false;
        if (Field.rfind("::", 0) == 0)
          Field = Field.substr(2);
        Where += " (field \"" + Field + "\")";
        FieldSourceModel FS;
        if (!R.kind(Kind, Where, FS.Kind) ||
            !R.string(E, "description", Where, FS.Description, false))
          return false;
        Fields[Field] = FS;
        continue;
      }
      std::string Fn;
      if (!R.string(E, "function", Where, Fn, true))
        return false;
      if (Fn.empty())
        return R.fail(Where, "key 'function' must not be empty");
      if (Fn.rfind("::", 0) == 0)
        Fn = Fn.substr(2);
      Where += " (function \"" + Fn + "\")";
      FunctionModels &M = ByName[Fn];
      std::string S(Section);
      if (S == "sources") {
        SourceModel Src;
        std::string Kind;
        if (!R.string(E, "kind", Where, Kind, true))
          return false;
        if (Kind.rfind("from-handle:", 0) == 0) {
          ArgSpec H;
          if (!R.argSpec(Kind.substr(12), Where, "kind", H))
            return false;
          Src.KindFromHandle = H;
          std::string Fallback = "file";
          if (!R.string(E, "defaultKind", Where, Fallback, false) ||
              !R.kind(Fallback, Where, Src.Kind))
            return false;
        } else if (!R.kind(Kind, Where, Src.Kind)) {
          return false;
        }
        if (!R.specList(E, "parameters", Where, Src.Parameters, false))
          return false;
        for (const ArgSpec &A : Src.Parameters)
          if (A.K != ArgSpec::Arg)
            return R.fail(Where, "key 'parameters' must name parameters (\"arg0\", \"arg1\", ...)");
        if (!Src.Parameters.empty() && E.contains("writes"))
          return R.fail(Where, "keys 'parameters' (a callback's) and 'writes' (a call's) exclude each other");
        if (!R.specList(E, "writes", Where, Src.Writes, Src.Parameters.empty()) ||
            !R.string(E, "description", Where, Src.Description, false) ||
            !R.condition(E, Where, Src.When))
          return false;
        M.Sources.push_back(std::move(Src));
      } else if (S == "propagators") {
        PropagatorModel P;
        if (!R.specList(E, "from", Where, P.From, true) ||
            !R.specList(E, "to", Where, P.To, true) ||
            !R.boolean(E, "replace", Where, P.Replace) ||
            !R.boolean(E, "alias", Where, P.Alias) ||
            !R.labels(E, "adds", Where, P.Adds) || !R.labels(E, "clears", Where, P.Clears) ||
            !R.condition(E, Where, P.When) || !R.format(E, Where, P))
          return false;
        M.Propagators.push_back(std::move(P));
      } else if (S == "sinks") {
        SinkModel K;
        std::string Cat;
        if (!R.string(E, "category", Where, Cat, true))
          return false;
        auto C = categoryFromKey(Cat);
        if (!C)
          return R.fail(Where, "key 'category' has \"" + Cat + "\"; expected one of " +
                                   categoryKeys());
        K.Category = *C;
        K.Written = E.contains("args") && E["args"] == json::array({"written"});
        if (!(K.Written || R.specList(E, "args", Where, K.Args, true)) ||
            !R.specList(E, "argsIfShell", Where, K.ArgsIfShell, false) ||
            !R.string(E, "what", Where, K.What, false))
          return false;
        if (!R.condition(E, Where, K.When) || !R.contentTypeTest(E, Where, K.ContentType))
          return false;
        M.Sinks.push_back(std::move(K));
      } else if (S == "sanitizers") {
        SanitizerModel Z;
        if (!R.categories(E, Where, Z.Categories) ||
            !R.specList(E, "from", Where, Z.From, false) ||
            !R.specList(E, "to", Where, Z.To, false) ||
            !R.boolean(E, "canonicalizes", Where, Z.Canonicalizes) ||
            !R.boolean(E, "weak_for_passwords", Where, Z.WeakForPasswords) ||
            !R.condition(E, Where, Z.When))
          return false;
        if (Z.To.empty())
          Z.To.push_back({ArgSpec::Return, 0});
        M.Sanitizers.push_back(std::move(Z));
      } else if (S == "validators") {
        ValidatorModel V;
        if (!R.categories(E, Where, V.Categories) ||
            !R.specList(E, "validates", Where, V.Validates, true) ||
            !R.boolean(E, "validWhenTrue", Where, V.ValidWhenTrue))
          return false;
        M.Validators.push_back(std::move(V));
      } else if (S == "contentTypes") {
        ContentTypeModel T;
        std::string Object, Type;
        ArgSpec A;
        if (!R.string(E, "object", Where, Object, true) ||
            !R.argSpec(Object, Where, "object", T.Object) ||
            !R.string(E, "type", Where, Type, true) || !R.argSpec(Type, Where, "type", A) ||
            !R.condition(E, Where, T.When))
          return false;
        if (T.Object.K == ArgSpec::ArgsFrom || A.K != ArgSpec::Arg)
          return R.fail(Where, "key 'object' must be \"this\", \"argN\" or \"return\", and "
                               "key 'type' one argument (\"argN\")");
        T.TypeArg = A.Index;
        M.ContentTypes.push_back(std::move(T));
      } else if (S == "results") {
        ResultModel Z;
        std::string In;
        if (!R.string(E, "result", Where, In, true) || !R.condition(E, Where, Z.When))
          return false;
        if (!R.string(E, "duty", Where, Z.Duty, false) ||
            !R.names(E, "lookedAtBy", Where, Z.LookedAtBy))
          return false;
        if (In == "return") {
          Z.In = ArgSpec{ArgSpec::Return, 0};
        } else if (In.rfind("arg", 0) == 0) {
          ArgSpec A;
          if (!R.argSpec(In, Where, "result", A))
            return false;
          if (A.K != ArgSpec::Arg)
            return R.fail(Where, "key 'result' must name one argument (\"argN\"), \"return\" "
                                 "or a reference type (\"std::error_code\")");
          Z.In = A;
        } else if (In.empty() || In == "this" ||
                   In.find_first_of(" &*<>") != std::string::npos) {
          return R.fail(Where, "key 'result' has \"" + In + "\"; expected \"argN\", \"return\" "
                               "or the qualified name of a record type (\"std::error_code\")");
        } else {
          Z.InReferenceTo = In;
        }
        M.Results.push_back(std::move(Z));
      } else {
        HandleModel H;
        std::string Kind;
        if (!R.string(E, "kind", Where, Kind, true) || !R.kind(Kind, Where, H.Kind) ||
            !R.specList(E, "writes", Where, H.Writes, true))
          return false;
        M.Handles.push_back(std::move(H));
      }
    }
  }
  return true;
}

std::shared_ptr<const ModelSet> ModelSet::builtin() {
  static std::shared_ptr<const ModelSet> Builtin = [] {
    auto M = std::make_shared<ModelSet>();
    for (const EmbeddedFile &F : embeddedFiles()) {
      if (F.Name.rfind("models-", 0) != 0)
        continue;
      std::string Error;
      // A broken built-in file is a build bug caught by the unit tests.
      M->addFile(F.Contents, std::string("<builtin>/") + std::string(F.Name), Error);
    }
    return M;
  }();
  return Builtin;
}

std::shared_ptr<const ModelSet> ModelSet::withUserFiles(const std::string &Paths,
                                                        std::string &Error) {
  static std::mutex Lock;
  static std::map<std::string, std::shared_ptr<const ModelSet>> Cache;
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Cache.find(Paths);
  if (It != Cache.end())
    return It->second;
  auto M = std::make_shared<ModelSet>(*builtin());
  std::stringstream List(Paths);
  std::string Path;
  while (std::getline(List, Path, ';')) {
    if (Path.empty())
      continue;
    std::ifstream In(Path, std::ios::binary);
    if (!In) {
      Error = Path + ": cannot open model file";
      return nullptr;
    }
    std::stringstream Buf;
    Buf << In.rdbuf();
    if (!M->addFile(Buf.str(), Path, Error))
      return nullptr;
  }
  Cache[Paths] = M;
  return M;
}

const FieldSourceModel *ModelSet::findField(std::string_view QualifiedName) const {
  auto It = Fields.find(QualifiedName);
  return It == Fields.end() ? nullptr : &It->second;
}

std::optional<Label> ModelSet::labelNamed(std::string_view Key) const {
  if (auto L = labelFromKey(Key))
    return L;
  for (size_t I = 0; I < UserLabels.size(); ++I)
    if (UserLabels[I] == Key)
      return Label(unsigned(Label::User0) + I);
  return std::nullopt;
}

std::string ModelSet::labelNames() const {
  std::string List;
  for (unsigned I = 0; I < unsigned(Label::Count); ++I) {
    std::string Name = labelName(Label(I));
    if (!Name.empty())
      List += (List.empty() ? "" : ", ") + Name;
  }
  return List;
}

std::string ModelSet::labelName(Label L) const {
  if (!labelKey(L).empty())
    return std::string(labelKey(L));
  size_t I = unsigned(L) - unsigned(Label::User0);
  return I < UserLabels.size() ? UserLabels[I] : std::string();
}

const FunctionModels *ModelSet::find(std::string_view QualifiedName) const {
  auto It = ByName.find(QualifiedName);
  return It == ByName.end() ? nullptr : &It->second;
}

} // namespace appsec
