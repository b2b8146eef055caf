//===- ModelSet.h - library behaviour as data ---------------------------===//
//
// What library functions do with untrusted data lives in JSON model files
// (docs/models.md): which calls are sources, which arguments are sinks, how
// taint moves through a call, which calls sanitize or validate. The built-in
// files are embedded in the tool; users add their own with the option
// AppSecModelFiles. Functions are named by their qualified name without
// template arguments or inline namespaces: "recv", "std::basic_string::append",
// "std::getline", "httplib::Request::get_param_value".
//
//===----------------------------------------------------------------------===//
#pragma once

#include "sinks/SinkCategory.h"
#include "labels/Label.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace appsec {

/// A place a call reads or writes: an argument (its pointee or referenced
/// object), all arguments from an index on, the object of a member call, or
/// the return value.
struct ArgSpec {
  enum Kind { Arg, ArgsFrom, This, Return } K = Arg;
  unsigned Index = 0;
  bool operator==(const ArgSpec &O) const { return K == O.K && Index == O.Index; }
};

/// A model entry that applies only to some calls: curl_easy_setopt(h,
/// CURLOPT_URL, x), set_content(body, "text/html"), jwt_decode(&j, tok, key, n)
/// with a key that is not NULL.
struct ArgCondition {
  unsigned Arg = 0;
  std::vector<std::string> Is;       ///< the argument names one of these constants or equals the literal
  std::vector<std::string> Contains; ///< the argument is a string literal containing one of these
  std::optional<bool> Null;          ///< the argument is (true) or is not (false) a null pointer constant
  /// The argument is one of these objects (`std::cerr`) or the result of a
  /// call of one of these functions or constructors (`google::LogMessage::stream`),
  /// directly or at the start of a chain of `<<` (`std::cerr << "a" << x`).
  std::vector<std::string> Stream;
  /// The argument's type, as written, is (an alias of) one of these types:
  /// `boost::beast::http::response` (an alias template) tells a Beast
  /// response from a request, both `message`s.
  std::vector<std::string> Type;
  /// The statement the argument is (SQL text, a Redis command, a statement
  /// handle prepared from one) or names (a prepared statement's name) is
  /// known to write data (models/StoredStatements.h).
  enum StatementTest : uint8_t { NoStatement, StatementWrites, StatementNameWrites };
  StatementTest Statement = NoStatement;
  bool OnThis = false; ///< "arg": "this": the object of a method call
  bool Negate = false; ///< "not": true: holds when the argument does not match
};

struct SourceModel {
  Label Kind = Label::File;
  /// When set, the kind comes from the provenance of this handle argument
  /// (a FILE*, descriptor or stream): stdin is console input, a socket is
  /// network data; Kind is the fallback.
  std::optional<ArgSpec> KindFromHandle;
  std::vector<ArgSpec> Writes;
  /// A callback the library calls with this data ("parameters"): the
  /// parameters (argN) of every method overriding it receive it. Calls of
  /// the function itself read nothing then (Writes is empty).
  std::vector<ArgSpec> Parameters;
  std::string Description; ///< "recv()" when empty: the function name
  std::optional<ArgCondition> When;
};

struct PropagatorModel {
  std::vector<ArgSpec> From, To;
  bool Replace = false; ///< overwrites the destinations (strcpy) instead of adding (strcat)
  bool Alias = false;   ///< the result points into From[0] (c_str, data, operator[])
  LabelMask Adds = 0;   ///< labels the outputs gain when the inputs carry any (jwt::decode)
  LabelMask Clears = 0; ///< labels the outputs lose
  std::optional<ArgCondition> When;
  /// A printf-like format at this argument: each later argument is consumed
  /// by one conversion, and the conversions in Escapes (sqlite3's %q, %Q,
  /// %w) make what they format safe for those categories.
  std::optional<unsigned> Format;
  std::map<char, CategoryMask> Escapes;
};

/// The content type a response is sent with: whether the sink's data is
/// read by the browser as HTML (docs/models.md, "Content types").
struct ContentTypeTest {
  /// An argument of the call that names the type (set_content's second).
  std::optional<unsigned> Arg;
  /// The object whose type the program declares in other calls of the
  /// function ("contentTypes" entries): Drogon's setContentTypeCode, a
  /// Content-Type header set on a Beast response, mg_send_http_ok.
  std::optional<ArgSpec> Of;
  /// Neither says: the framework's default is HTML, or browsers sniff.
  bool OtherwiseHtml = true;
};

struct SinkModel {
  SinkCategory Category = SinkCategory::Command;
  std::optional<ArgCondition> When;
  std::vector<ArgSpec> Args;
  /// "args": ["written"]: the data written through the reference the call
  /// returns (Beast's `res.body() = html`, Poco's `response.send() << page`).
  bool Written = false;
  std::optional<ContentTypeTest> ContentType;
  /// Extra sink arguments when the program (argument 0) is a shell run with
  /// -c, as in execl("/bin/sh", "sh", "-c", cmd, NULL).
  std::vector<ArgSpec> ArgsIfShell;
  std::string What; ///< "runs it as a shell command"
};

struct SanitizerModel {
  CategoryMask Categories = AllCategories;
  std::vector<ArgSpec> From; ///< empty: the result is clean, whatever the input
  std::vector<ArgSpec> To;   ///< default: the return value
  bool Canonicalizes = false; ///< realpath, std::filesystem::canonical
  /// A fast digest (SHA-2, MD5): a password hashed with it is fit for a log
  /// but not for a store (secrets/SensitiveData.h).
  bool WeakForPasswords = false;
  std::optional<ArgCondition> When;
};

struct ValidatorModel {
  CategoryMask Categories = AllCategories;
  std::vector<ArgSpec> Validates;
  bool ValidWhenTrue = true; ///< false: the call returns 0 when the data is valid
  /// The one value it returns otherwise, when known (`check(s) == -1`,
  /// `check(s) < 0` then mean "not valid"): inferred validators only.
  std::optional<int64_t> FailureValue;
};

/// A call that reports failure in an out-argument the program must look at
/// afterwards (jwt-cpp verifier.verify(decoded, ec)): a local given there
/// and never read after the call is reported. The argument is a position,
/// or the one bound to a non-const reference parameter of a record type
/// (cpp-jwt's jwt::decode takes its std::error_code anywhere in a pack).
///
/// A result may also be the value the call returns ("return": bound to the
/// local it initialises or is assigned to), and it may have to be looked at
/// by particular calls only (`lookedAtBy`: Poco::JWT's verify() returns a
/// token whose expiry the program must read with getExpiration()); handing
/// it to a function of the project, returning it or capturing it in a lambda
/// then passes the duty on. `duty` names what is missing when nobody looks
/// ("error" unless given) for the check that words the finding.
struct ResultModel {
  std::optional<ArgSpec> In;   ///< "argN", or "return"
  std::string InReferenceTo;   ///< "std::error_code": the argument of that type
  std::optional<ArgCondition> When;
  std::vector<std::string> LookedAtBy; ///< function names; empty: any use
  std::string Duty = "error";
};

/// A call that declares the content type of a response object: its type
/// argument (a literal or a named constant) is read for "html", "svg" or
/// "javascript" (frameworks/ResponseTypes.h).
struct ContentTypeModel {
  ArgSpec Object;  ///< "this", "argN", or "return" (a factory's new response)
  unsigned TypeArg = 0;
  std::optional<ArgCondition> When;
};

/// Calls that create handles whose reads are sources of a known kind.
struct HandleModel {
  Label Kind = Label::File;
  std::vector<ArgSpec> Writes;
};

/// A data member whose value is untrusted wherever it is read
/// (httplib::Request::body).
struct FieldSourceModel {
  Label Kind = Label::WebRequest;
  std::string Description; ///< "Request::body" when empty
};

struct FunctionModels {
  std::vector<SourceModel> Sources;
  std::vector<PropagatorModel> Propagators;
  std::vector<SinkModel> Sinks;
  std::vector<SanitizerModel> Sanitizers;
  std::vector<ValidatorModel> Validators;
  std::vector<HandleModel> Handles;
  std::vector<ResultModel> Results;
  std::vector<ContentTypeModel> ContentTypes;
  bool empty() const {
    return Sources.empty() && Propagators.empty() && Sinks.empty() &&
           Sanitizers.empty() && Validators.empty() && Handles.empty() && Results.empty() &&
           ContentTypes.empty();
  }
};

class ModelSet {
public:
  /// Parses one model file. On failure returns false and sets \p Error to a
  /// message naming \p FileName, the entry and what was expected.
  bool addFile(std::string_view Text, std::string_view FileName, std::string &Error);

  /// The built-in models (embedded *.json of lib/models/).
  static std::shared_ptr<const ModelSet> builtin();
  /// Built-ins plus the given files (';'-separated paths), cached per list.
  static std::shared_ptr<const ModelSet> withUserFiles(const std::string &Paths,
                                                       std::string &Error);

  const FunctionModels *find(std::string_view QualifiedName) const;
  const FieldSourceModel *findField(std::string_view QualifiedName) const;
  size_t size() const { return ByName.size() + Fields.size(); }

  /// A built-in label key or a label declared by a file ("labels").
  std::optional<Label> labelNamed(std::string_view Key) const;
  /// The key of \p L: built-in, or as declared.
  std::string labelName(Label L) const;
  /// Every label's name, built in and declared, comma-separated.
  std::string labelNames() const;

private:
  std::vector<std::string> UserLabels; ///< User0, User1, ... in declaration order
  std::map<std::string, FunctionModels, std::less<>> ByName;
  std::map<std::string, FieldSourceModel, std::less<>> Fields;
};

} // namespace appsec
