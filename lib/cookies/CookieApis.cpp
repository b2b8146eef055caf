#include "cookies/CookieApis.h"

#include "models/FunctionNames.h"
#include "support/AstHelpers.h"
#include "support/BodyStatements.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

#include "llvm/ADT/StringExtras.h"

#include <set>

using namespace clang;

namespace appsec {

namespace {

/// Calls that write a response header given as (name, value) text.
struct HeaderSetter {
  llvm::StringLiteral Function;
  unsigned NameArg, ValueArg;
};
constexpr HeaderSetter HeaderSetters[] = {
    {"httplib::Response::set_header", 0, 1},
    {"crow::response::set_header", 0, 1},
    {"crow::response::add_header", 0, 1},
    {"drogon::HttpResponse::addHeader", 0, 1},
    {"oatpp::web::protocol::http::outgoing::Response::putHeader", 0, 1},
    {"oatpp::web::protocol::http::outgoing::Response::putHeaderIfNotExists", 0, 1},
    {"oatpp::web::protocol::http::outgoing::Response::putOrReplaceHeader", 0, 1},
    {"Poco::Net::NameValueCollection::set", 0, 1},
    {"Poco::Net::NameValueCollection::add", 0, 1},
    {"web::http::http_headers::add", 0, 1},
    {"boost::beast::http::basic_fields::set", 0, 1},
    {"boost::beast::http::basic_fields::insert", 0, 1},
    {"Pistache::Http::Header::Raw::Raw", 0, 1},
    {"mg_response_header_add", 1, 2},
};

/// Calls that put a framework's cookie object into the response: the
/// argument that is the cookie, and the attributes a new cookie has.
struct ObjectSender {
  llvm::StringLiteral Function;
  llvm::StringLiteral CookieClass;
  CookieApi Api;
  bool HttpOnlyByDefault;
};
constexpr ObjectSender ObjectSenders[] = {
    {"Poco::Net::HTTPResponse::addCookie", "Poco::Net::HTTPCookie", CookieApi::Poco, false},
    {"drogon::HttpResponse::addCookie", "drogon::Cookie", CookieApi::Drogon, true},
    {"Pistache::Http::CookieJar::add", "Pistache::Http::Cookie", CookieApi::Pistache, false},
};

const Expr *bare(const Expr *E) {
  return ignoreWrappers(E, Temporaries | ExplicitCasts | CopyConstructors);
}

std::string calleeModelName(const Expr *E) {
  if (const auto *C = dyn_cast<CallExpr>(E))
    if (const FunctionDecl *F = C->getDirectCallee())
      return modelName(F);
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    return modelName(C->getConstructor());
  return "";
}

const Expr *argOf(const Expr *E, unsigned I) {
  if (const auto *C = dyn_cast<CallExpr>(E)) {
    // A member operator's object counts as no argument.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(C); Op && isa<CXXMethodDecl>(Op->getDirectCallee()))
      ++I;
    return I < C->getNumArgs() ? C->getArg(I) : nullptr;
  }
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    return I < C->getNumArgs() ? C->getArg(I) : nullptr;
  return nullptr;
}

const Stmt *bodyAround(const Expr *E, ASTContext &Ctx) {
  const FunctionDecl *F = enclosingFunction(E, Ctx);
  return F ? F->getBody() : nullptr;
}


/// "secure", "httponly", "samesite" for setSecure, httpOnly, same_site, ...
std::string attributeWord(llvm::StringRef Name) {
  std::string W;
  for (char Ch : Name.lower())
    if (Ch != '_')
      W += Ch;
  llvm::StringRef R(W);
  R.consume_front("set");
  return R.str();
}

/// An attribute set by a setter (or field assignment) given \p Arg (null
/// for a setter without argument, as Crow's secure()).
void setAttribute(CookieAttributes &C, llvm::StringRef Word, const Expr *Arg, ASTContext &Ctx) {
  Attribute *A = Word == "secure"     ? &C.Secure
                 : Word == "httponly" ? &C.HttpOnly
                 : Word == "samesite" ? &C.SameSite
                                      : nullptr;
  if (!A)
    return;
  if (Word == "samesite") {
    std::string Value = Arg ? llvm::StringRef(referencedName(Arg)).lower() : "";
    if (Value.empty()) {
      *A = Attribute::Unknown;
    } else if (llvm::StringRef(Value).contains("null") ||
               llvm::StringRef(Value).contains("not_specified")) {
      *A = Attribute::Absent;
    } else {
      *A = Attribute::Present;
      C.SameSiteNone = llvm::StringRef(Value).ends_with("none");
    }
    return;
  }
  if (!Arg)
    return void(*A = Attribute::Present);
  std::optional<int64_t> V = constantInt(Arg, Ctx);
  *A = !V ? Attribute::Unknown : *V ? Attribute::Present : Attribute::Absent;
}

bool mentionsSameSite(const Stmt *S, bool &None) {
  bool Found = false;
  forEachStatement(S, [&](const Stmt *N) {
    if (const auto *L = dyn_cast<StringLiteral>(N); L && L->getCharByteWidth() == 1) {
      Found |= L->getString().equals_insensitive("samesite");
      None |= L->getString().equals_insensitive("none");
    }
  });
  return Found;
}

/// The object a chain of calls on \p E starts from: `made` for
/// made.httponly().secure(); or \p StopAt, if the chain passes it.
const Expr *chainStart(const Expr *E, const Expr *StopAt = nullptr) {
  for (unsigned Steps = 0; E && Steps < 32; ++Steps) {
    if (bare(E) == StopAt)
      return StopAt;
    const auto *Inner = dyn_cast<CXXMemberCallExpr>(bare(E));
    if (!Inner)
      return E;
    E = Inner->getImplicitObjectArgument();
  }
  return E;
}


bool isVar(const Expr *E, const VarDecl *V) {
  const auto *D = dyn_cast_or_null<DeclRefExpr>(E ? bare(E) : nullptr);
  return D && D->getDecl() == V;
}

/// \p Call writes into \p V's map of extra attributes (Pistache's `ext`):
/// ext.insert(...), ext.emplace(...), ext["SameSite"] = ...
bool writesExt(const CallExpr *Call, const VarDecl *V) {
  const Expr *Target = nullptr;
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call))
    Target = M->getImplicitObjectArgument();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
           Op && Op->getOperator() != OO_Subscript && Op->getNumArgs() > 0)
    Target = Op->getArg(0);
  if (const auto *Sub = dyn_cast_or_null<CXXOperatorCallExpr>(Target ? bare(Target) : nullptr);
      Sub && Sub->getOperator() == OO_Subscript)
    Target = Sub->getArg(0);
  const auto *ME = dyn_cast_or_null<MemberExpr>(Target ? bare(Target) : nullptr);
  return ME && isVar(ME->getBase(), V) && ME->getMemberDecl()->getName() == "ext";
}

/// What the function does to the cookie held in \p V before \p At: setters,
/// field assignments, and hand-overs to code the compiler does not follow.
void followVariable(CookieAttributes &C, const VarDecl *V, const Expr *At, const Stmt *Body,
                    ASTContext &Ctx) {
  forEachStatement(Body, [&](const Stmt *S) {
    if (S == At || S->getBeginLoc() >= At->getBeginLoc())
      return;
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(S);
        M && isVar(chainStart(M->getImplicitObjectArgument()), V)) {
      const CXXMethodDecl *Method = M->getMethodDecl();
      if (!Method || !Method->getIdentifier())
        return;
      llvm::StringRef Name = Method->getName();
      std::string Word = attributeWord(Name);
      if (Word == "name" || Word == "key") {
        auto Pieces = stringPieces(M->getArg(0), Body);
        C.NameKnown = Pieces.Pieces.size() == 1 && !Pieces.Pieces[0].Hole;
        C.Name = C.NameKnown ? Pieces.Pieces[0].Text : "";
      }
      return setAttribute(C, Word, M->getNumArgs() ? M->getArg(0) : nullptr, Ctx);
    }
    // Pistache's fields: cookie.secure = true; cookie.ext["SameSite"] = "Strict".
    if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp()) {
      if (const auto *ME = dyn_cast<MemberExpr>(B->getLHS()->IgnoreParenImpCasts());
          ME && isVar(ME->getBase(), V))
        setAttribute(C, attributeWord(ME->getMemberDecl()->getName()), B->getRHS(), Ctx);
      return;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(S); U && U->getOpcode() == UO_AddrOf &&
                                                    isVar(U->getSubExpr(), V))
      return C.unknownRest();
    // Handed to a function by non-const reference: it may set anything.
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *F = Call->getDirectCallee();
      for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
        if (!isVar(Call->getArg(I), V))
          continue;
        bool Mutable = true;
        if (F && !isa<CXXOperatorCallExpr>(Call) && I < F->getNumParams()) {
          QualType T = F->getParamDecl(I)->getType();
          Mutable = (T->isReferenceType() || T->isPointerType()) &&
                    !T->getPointeeType().isConstQualified();
        }
        if (Mutable && !mentionsSameSite(Call, C.SameSiteNone))
          C.unknownRest();
      }
    }
    // ext["SameSite"] = "Lax", ext.insert({"SameSite", "Lax"}), emplace.
    if (const auto *Call = dyn_cast<CallExpr>(S); Call && writesExt(Call, V)) {
      bool None = false;
      if (mentionsSameSite(S, None)) {
        C.SameSite = Attribute::Present;
        C.SameSiteNone = None;
      }
    }
  });
}

/// The attributes of the cookie object \p Obj sent by \p At.
CookieAttributes objectAttributes(const Expr *Obj, const Expr *At, bool HttpOnlyByDefault,
                                  const Expr *&Created, ASTContext &Ctx, unsigned Depth = 0) {
  CookieAttributes C;
  C.HttpOnly = HttpOnlyByDefault ? Attribute::Present : Attribute::Absent;
  const Expr *O = bare(Obj);
  auto fromConstruction = [&](const Expr *E, const Stmt *Body) {
    const auto *CE = dyn_cast_or_null<CXXConstructExpr>(E ? bare(E) : nullptr);
    if (!CE)
      return false;
    Created = CE;
    if (CE->getNumArgs() >= 1 && !isa<CXXDefaultArgExpr>(CE->getArg(0))) {
      StringPieces Name = stringPieces(CE->getArg(0), Body);
      if (Name.Pieces.size() == 1 && !Name.Pieces[0].Hole) {
        C.Name = Name.Pieces[0].Text;
        C.NameKnown = true;
      }
    }
    if (CE->getNumArgs() >= 2 && !isa<CXXDefaultArgExpr>(CE->getArg(1)))
      C.Value = CE->getArg(1);
    return true;
  };
  const Stmt *Body = bodyAround(At, Ctx);
  if (const auto *D = dyn_cast<DeclRefExpr>(O)) {
    const auto *V = dyn_cast<VarDecl>(D->getDecl());
    if (!V || isa<ParmVarDecl>(V) || !V->hasLocalStorage() || V->getType()->isReferenceType() ||
        !fromConstruction(V->getInit(), Body)) {
      C.unknownRest();
      return C;
    }
    followVariable(C, V, At, Body, Ctx);
    return C;
  }
  if (fromConstruction(O, Body))
    return C;
  // A helper defined in this unit that builds and returns a local cookie.
  if (const auto *Call = dyn_cast<CallExpr>(O); Call && Depth == 0) {
    const FunctionDecl *F = Call->getDirectCallee();
    const FunctionDecl *Def = F ? F->getDefinition() : nullptr;
    const ReturnStmt *Ret = nullptr;
    unsigned Returns = 0;
    forEachStatement(Def ? Def->getBody() : nullptr, [&](const Stmt *S) {
      if (const auto *R = dyn_cast<ReturnStmt>(S)) {
        Ret = R;
        ++Returns;
      }
    });
    if (Returns == 1 && Ret->getRetValue()) {
      const auto *RD = dyn_cast<DeclRefExpr>(bare(Ret->getRetValue()));
      const auto *V = RD ? dyn_cast<VarDecl>(RD->getDecl()) : nullptr;
      if (V && !isa<ParmVarDecl>(V) && V->hasLocalStorage() &&
          fromConstruction(V->getInit(), Def->getBody())) {
        followVariable(C, V, Ret->getRetValue(), Def->getBody(), Ctx);
        return C;
      }
    }
  }
  C.unknownRest();
  return C;
}

/// Crow's CookieParser: ctx.set_cookie(k, v).path("/").secure().httponly(),
/// or the Cookie& it returns kept in a reference.
CookieAttributes crowAttributes(const CallExpr *SetCookieCall, const Expr *&Created,
                                ASTContext &Ctx) {
  CookieAttributes C;
  const Stmt *Body = bodyAround(SetCookieCall, Ctx);
  // set_cookie(Cookie): a cookie object made before.
  if (SetCookieCall->getNumArgs() == 1)
    C = objectAttributes(SetCookieCall->getArg(0), SetCookieCall, false, Created, Ctx);
  else if (SetCookieCall->getNumArgs() >= 1) {
    StringPieces Name = stringPieces(SetCookieCall->getArg(0), Body);
    if (Name.Pieces.size() == 1 && !Name.Pieces[0].Hole) {
      C.Name = Name.Pieces[0].Text;
      C.NameKnown = true;
    }
    if (SetCookieCall->getNumArgs() >= 2)
      C.Value = SetCookieCall->getArg(1);
  }
  // Crow before 1.0: set_cookie returns nothing; no attribute can be set.
  if (SetCookieCall->getCallReturnType(Ctx)->isVoidType())
    return C;
  // Calls chained to the cookie set_cookie returned, and calls on a
  // reference that keeps it (declared before its uses, so one walk sees both).
  auto chainedTo = [&](const Expr *E) { return chainStart(E, SetCookieCall) == SetCookieCall; };
  const VarDecl *Ref = nullptr;
  forEachStatement(Body, [&](const Stmt *S) {
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(S);
        M && M != SetCookieCall && M->getMethodDecl() && M->getMethodDecl()->getIdentifier() &&
        (chainedTo(M->getImplicitObjectArgument()) ||
         (Ref && isVar(M->getImplicitObjectArgument(), Ref))))
      setAttribute(C, attributeWord(M->getMethodDecl()->getName()),
                   M->getNumArgs() ? M->getArg(0) : nullptr, Ctx);
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D); V && V->getInit() && chainedTo(V->getInit()))
          Ref = V;
  });
  return C;
}

/// mg_printf(conn, "HTTP/1.1 200 OK\r\nSet-Cookie: sid=%s; Path=/\r\n...", ...):
/// the Set-Cookie line of the format, a hole for each conversion.
std::optional<CookieAttributes> civetwebPrintf(const CallExpr *Call) {
  if (Call->getNumArgs() < 2)
    return std::nullopt;
  const auto *Fmt = dyn_cast<StringLiteral>(bare(Call->getArg(1)));
  if (!Fmt || Fmt->getCharByteWidth() != 1)
    return std::nullopt;
  llvm::StringRef F = Fmt->getString();
  size_t At = F.lower().find("set-cookie:");
  if (At == llvm::StringRef::npos)
    return std::nullopt;
  llvm::StringRef Line = F.drop_front(At).take_until([](char Ch) { return Ch == '\r' || Ch == '\n'; });
  StringPieces P;
  std::string Lit;
  for (size_t I = 0; I < Line.size(); ++I) {
    if (Line[I] != '%') {
      Lit += Line[I];
      continue;
    }
    if (I + 1 < Line.size() && Line[I + 1] == '%') {
      Lit += '%';
      ++I;
      continue;
    }
    while (I + 1 < Line.size() && !llvm::isAlpha(Line[I + 1]))
      ++I;
    ++I; // the conversion letter
    P.Pieces.push_back({Lit, nullptr});
    Lit.clear();
    P.Pieces.push_back({"", Call});
  }
  P.Pieces.push_back({Lit, nullptr});
  CookieAttributes C = parseSetCookie(P);
  C.Value = nullptr; // the arguments are not matched to conversions
  return C;
}

/// res.headers.emplace("Set-Cookie", v) or res.headers.insert({"Set-Cookie", v})
/// on an httplib::Response: the (name, value) written.
std::optional<std::pair<const Expr *, const Expr *>> httplibHeadersEntry(const Expr *E) {
  const auto *M = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *Method = M ? M->getMethodDecl() : nullptr;
  if (!Method || !Method->getIdentifier() ||
      (Method->getName() != "insert" && Method->getName() != "emplace"))
    return std::nullopt;
  const auto *Headers = dyn_cast<MemberExpr>(bare(M->getImplicitObjectArgument()));
  const auto *Field = Headers ? dyn_cast<FieldDecl>(Headers->getMemberDecl()) : nullptr;
  if (!Field || Field->getName() != "headers" ||
      modelName(Field->getParent()) != "httplib::Response")
    return std::nullopt;
  if (M->getNumArgs() == 2)
    return std::make_pair(M->getArg(0), M->getArg(1));
  if (M->getNumArgs() != 1)
    return std::nullopt;
  // insert({name, value}): a pair built from a braced list.
  const Expr *P = bare(M->getArg(0));
  if (const auto *C = dyn_cast<CXXConstructExpr>(P); C && C->getNumArgs() == 2)
    return std::make_pair(C->getArg(0), C->getArg(1));
  if (const auto *L = dyn_cast<InitListExpr>(P); L && L->getNumInits() == 2)
    return std::make_pair(L->getInit(0), L->getInit(1));
  return std::nullopt;
}

bool isSetCookieName(const Expr *Name, const Stmt *Body) {
  if (referencedName(Name) == "set_cookie") // boost::beast::http::field::set_cookie
    return true;
  StringPieces P = stringPieces(Name, Body);
  return P.Pieces.size() == 1 && !P.Pieces[0].Hole &&
         llvm::StringRef(P.Pieces[0].Text).trim().equals_insensitive("set-cookie");
}

} // namespace

std::vector<std::string> cookieSettingFunctions() {
  // Unqualified: hasName("a::b::f") does not match a member of a class
  // template specialisation (basic_fields<std::allocator<char>>::set).
  std::set<std::string> Names{"mg_printf", "set_cookie", "insert", "emplace"};
  auto last = [](llvm::StringRef Q) { return Q.rsplit("::").second.empty() ? Q.str() : Q.rsplit("::").second.str(); };
  for (const HeaderSetter &H : HeaderSetters)
    Names.insert(last(H.Function));
  for (const ObjectSender &O : ObjectSenders)
    Names.insert(last(O.Function));
  return {Names.begin(), Names.end()};
}

std::optional<SetCookie> cookieSetBy(const Expr *E, ASTContext &Ctx) {
  std::string Name = calleeModelName(E);
  if (Name.empty())
    return std::nullopt;
  SetCookie S;
  S.At = E;
  for (const HeaderSetter &H : HeaderSetters) {
    if (Name != H.Function)
      continue;
    const Expr *Key = argOf(E, H.NameArg), *Value = argOf(E, H.ValueArg);
    const Stmt *Body = bodyAround(E, Ctx);
    if (!Key || !Value || !isSetCookieName(Key, Body))
      return std::nullopt;
    S.Attributes = parseSetCookie(stringPieces(Value, Body));
    S.Written = Value;
    return S;
  }
  if (auto KV = httplibHeadersEntry(E)) {
    const Stmt *Body = bodyAround(E, Ctx);
    if (!isSetCookieName(KV->first, Body))
      return std::nullopt;
    S.Attributes = parseSetCookie(stringPieces(KV->second, Body));
    S.Written = KV->second;
    return S;
  }
  if (Name == "mg_printf") {
    auto A = civetwebPrintf(cast<CallExpr>(E));
    if (!A)
      return std::nullopt;
    S.Attributes = *A;
    S.Written = E;
    return S;
  }
  for (const ObjectSender &O : ObjectSenders) {
    if (Name != O.Function)
      continue;
    S.Api = O.Api;
    const auto *Call = cast<CallExpr>(E);
    const Expr *Cookie = argOf(E, 0);
    if (!Cookie)
      return std::nullopt;
    // drogon::HttpResponse::addCookie(key, value): a new cookie.
    if (O.Api == CookieApi::Drogon && Call->getNumArgs() == 2) {
      S.Attributes.HttpOnly = Attribute::Present;
      StringPieces Key = stringPieces(Call->getArg(0), bodyAround(E, Ctx));
      if (Key.Pieces.size() == 1 && !Key.Pieces[0].Hole) {
        S.Attributes.Name = Key.Pieces[0].Text;
        S.Attributes.NameKnown = true;
      }
      S.Attributes.Value = S.Written = Call->getArg(1);
      return S;
    }
    const auto *Record = Cookie->getType()->getAsCXXRecordDecl();
    if (!Record || modelName(Record) != O.CookieClass)
      return std::nullopt;
    S.Attributes = objectAttributes(Cookie, E, O.HttpOnlyByDefault, S.Created, Ctx);
    S.Written = S.Attributes.Value;
    return S;
  }
  if (Name == "crow::CookieParser::context::set_cookie") {
    S.Api = CookieApi::Crow;
    S.Attributes = crowAttributes(cast<CallExpr>(E), S.Created, Ctx);
    S.Written = S.Attributes.Value;
    return S;
  }
  return std::nullopt;
}

} // namespace appsec
