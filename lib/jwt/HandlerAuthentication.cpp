#include "jwt/HandlerAuthentication.h"
#include "jwt/IdentityEndpoints.h"

#include "models/FunctionNames.h"
#include "support/AstHelpers.h"
#include "support/BodyStatements.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/StringSwitch.h"

#include <deque>
#include <set>

using namespace clang;

namespace appsec::jwt {

const char *const DefaultPublicRoutes =
    "^/atlassian-connect\\.json$;^/health;^/healthz$;^/ready;^/live;^/ping$;^/metrics$;"
    "^/static/;^/assets/;^/favicon\\.ico$;^/robots\\.txt$";

namespace {

/// Request keys that name the token itself: reading them is how a handler
/// starts verifying, not trusting.
bool isTokenKey(llvm::StringRef Key) {
  std::string K = Key.lower();
  return K == "authorization" || K == "jwt" || K == "token" || K == "access_token" ||
         K == "x-auth-token" || K == "x-access-token" || K == "x-jwt" || K == "bearer";
}

/// Request members that describe where the request goes, not what it says.
bool isRoutingInfo(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("method", "getMethod", "path", "version", "getVersion", true)
      .Cases("target", "method_string", "getPath", "getMethodString", "resource", true)
      .Cases("getURI", "relative_uri", "request_uri", "raw_url", true)
      .Cases("remote_addr", "remote_port", "local_addr", "local_port", true)
      .Cases("remote_ip_address", "clientAddress", "remote_address", "url", true)
      .Cases("has_header", "has", "hasParam", "has_param", "keep_alive", true)
      .Default(false);
}

/// Members that return a collection; the call made on it decides (by key).
bool isContainer(llvm::StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("headers", "getHeaders", "cookies", "getCookies", "query", true)
      .Cases("url_params", "params", "getParameters", "base", true)
      .Default(false);
}

/// The string a key argument names: a literal, or the name of a constant
/// (oat++ Header::AUTHORIZATION, Beast http::field::authorization).
std::string keyOf(const Expr *E) {
  if (!E)
    return "";
  E = ignoreWrappers(E, Temporaries | ExplicitCasts | OneArgConstructors | TemporaryObjects |
                            CopyConstructors);
  if (const auto *L = dyn_cast<StringLiteral>(E))
    return L->getCharByteWidth() == 1 ? L->getString().str() : "";
  if (const auto *C = dyn_cast<CXXConstructExpr>(E); C && C->getNumArgs() >= 1)
    return keyOf(C->getArg(0));
  if (const auto *D = dyn_cast<DeclRefExpr>(E))
    return D->getDecl()->getNameAsString();
  return "";
}

llvm::StringRef calleeName(const CallExpr *C) {
  const FunctionDecl *FD = C->getDirectCallee();
  return FD && FD->getIdentifier() ? FD->getName() : "";
}

bool isErrorStatus(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return false;
  if (std::optional<int64_t> V = constantInt(E, Ctx))
    return *V >= 400 && *V <= 599;
  // oat++ Status::CODE_401, and status objects named like it.
  std::string Name = referencedName(E);
  return llvm::StringRef(Name).starts_with("CODE_4") || llvm::StringRef(Name).starts_with("CODE_5");
}

/// \p S answers the request with an error: `res.status = 401`, a call or
/// construction given a 4xx/5xx status (set_status(403), crow::response(401),
/// k401Unauthorized, http::status::unauthorized, Status::CODE_401, ...), or a
/// throw.
bool rejects(const Stmt *S, const ASTContext &Ctx) {
  if (isa<CXXThrowExpr>(S))
    return true;
  if (const auto *B = dyn_cast<BinaryOperator>(S))
    return B->isAssignmentOp() && isErrorStatus(B->getRHS(), Ctx);
  if (const auto *C = dyn_cast<CallExpr>(S)) {
    for (const Expr *A : C->arguments())
      if (isErrorStatus(A, Ctx))
        return true;
    return false;
  }
  if (const auto *C = dyn_cast<CXXConstructExpr>(S))
    for (const Expr *A : C->arguments())
      if (isErrorStatus(A, Ctx))
        return true;
  return false;
}

/// +1 if \p E is \p Call's result (also through an optional's operator
/// bool), -1 if it is its negation, 0 otherwise.
int callPolarity(const Expr *E, const CallExpr *Call) {
  int Sign = 1;
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (E == Call)
      return Sign;
    if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_LNot) {
      Sign = -Sign;
      E = U->getSubExpr();
    } else if (const auto *M = dyn_cast<CXXMemberCallExpr>(E);
               M && isa_and_nonnull<CXXConversionDecl>(M->getMethodDecl())) {
      E = M->getImplicitObjectArgument();
    } else {
      return 0;
    }
  }
  return 0;
}

/// When \p Call decides an `if` of \p G (`if (!verify(...))`,
/// `if (!verify(...) || expired)`, `if (verify(...) && ...)`), the branch
/// the `if` takes when the call returns false: the token did not verify.
const CFGBlock *failureBranch(const CFG &G, const CallExpr *Call, int Success) {
  for (const CFGBlock *B : G) {
    const auto *If = dyn_cast_or_null<IfStmt>(B->getTerminatorStmt());
    if (!If || B->succ_size() != 2 || !If->getCond())
      continue;
    const Expr *Cond = If->getCond()->IgnoreImplicit()->IgnoreParens();
    int Then = 0; // -1: then-branch on failure, +1: else-branch on failure
    if (int P = callPolarity(Cond, Call) * Success)
      Then = P;
    else if (const auto *Op = dyn_cast<BinaryOperator>(Cond); Op && Op->isLogicalOp()) {
      llvm::SmallVector<const Expr *, 8> Operands{Op};
      while (!Operands.empty()) {
        const Expr *E = Operands.pop_back_val()->IgnoreImplicit()->IgnoreParens();
        const auto *Inner = dyn_cast<BinaryOperator>(E);
        if (Inner && Inner->getOpcode() == Op->getOpcode()) {
          Operands.push_back(Inner->getLHS());
          Operands.push_back(Inner->getRHS());
        } else if (int P = callPolarity(E, Call) * Success) {
          // `!verify() || x`: failure takes the then-branch; `verify() && x`:
          // failure takes the else-branch. Other mixes say nothing.
          if (Op->getOpcode() == BO_LOr && P < 0)
            Then = -1;
          else if (Op->getOpcode() == BO_LAnd && P > 0)
            Then = 1;
        }
      }
    }
    if (Then != 0)
      return (B->succ_begin() + (Then < 0 ? 0 : 1))->getReachableBlock();
  }
  return nullptr;
}

/// \p F calls a function of the application: not the standard library, the
/// web framework or a JSON/JWT library (a vendored framework is not in a
/// system header, so its namespace tells).
bool callsApplication(const FunctionDecl *F) {
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def) || !Def->getBody())
    return true;
  const SourceManager &SM = F->getASTContext().getSourceManager();
  for (const CallExpr *C : callsIn(Def->getBody())) {
    const FunctionDecl *Callee = C->getDirectCallee();
    if (!Callee)
      return true; // through a pointer: unknown
    bool System = SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation()));
    auto Namespaces = namespacesOf(Callee);
    llvm::StringRef Name = Namespaces.empty() ? "" : Namespaces.back(); // the outermost
    bool Library = System || llvm::StringSwitch<bool>(Name)
                       .Cases("std", "crow", "httplib", "drogon", "trantor", true)
                       .Cases("Pistache", "Poco", "web", "pplx", true)
                       .Cases("oatpp", "boost", "nlohmann", true)
                       .Default(false) ||
                   (Callee->getIdentifier() && Callee->getName().starts_with("mg_"));
    if (!Library)
      return true;
    // Even in a library, only building the answer is "no work": responses,
    // strings, JSON, the callback that sends it. `svr.stop()` or
    // std::filesystem::remove_all are work.
    static const llvm::Regex Answer("response|json|string|content|status|header|body|send|"
                                    "write|printf|reply|move|forward|make_shared|make_unique|"
                                    "c_str|size|empty|begin|end|format|allocator",
                                    llvm::Regex::IgnoreCase);
    std::string What = Callee->getNameAsString();
    if (const auto *M = dyn_cast<CXXMethodDecl>(Callee))
      What = M->getParent()->getNameAsString() + "::" + What;
    bool Building = isa<CXXConstructorDecl>(Callee) || isa<CXXConversionDecl>(Callee) ||
                    Callee->isOverloadedOperator() || Answer.match(What);
    if (!Building)
      return true;
  }
  return false;
}

/// oat++: the endpoint method an ENDPOINT proxy (Z__PROXY_METHOD_<name>) calls.
const CXXMethodDecl *oatppEndpoint(const FunctionDecl *Proxy) {
  const auto *M = dyn_cast<CXXMethodDecl>(Proxy);
  if (!M || !M->getIdentifier() || !M->getName().starts_with("Z__PROXY_METHOD_"))
    return nullptr;
  llvm::StringRef Name = M->getName().drop_front(16);
  for (const CXXMethodDecl *Other : M->getParent()->methods())
    if (Other->getIdentifier() && Other->getName() == Name && Other->doesThisDeclarationHaveABody())
      return Other;
  return nullptr;
}

} // namespace

HandlerAuthentication::HandlerAuthentication(ASTContext &Ctx, VerificationIndex &Verifier,
                                             const MiddlewareIndex &Middleware,
                                             const HandlerIndex &Handlers,
                                             const HandlerAuthOptions &Options, std::string *Error)
    : Ctx(Ctx), Verifier(Verifier), Middleware(Middleware), Handlers(Handlers), Options(Options) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  llvm::StringRef(Options.PublicRoutes).split(Parts, ';', -1, false);
  for (llvm::StringRef P : Parts) {
    P = P.trim();
    if (P.empty())
      continue;
    auto R = std::make_unique<llvm::Regex>(P);
    std::string Why;
    if (!R->isValid(Why)) {
      if (Error && Error->empty())
        *Error = "invalid regular expression '" + P.str() + "': " + Why;
      continue;
    }
    Public.push_back(std::move(R));
  }
}

void HandlerAuthentication::addCaller(const FunctionDecl *Caller) {
  const FunctionDecl *Def = nullptr;
  if (!Caller || !Caller->hasBody(Def) || !Def->getBody())
    return;
  for (const CallExpr *C : callsIn(Def->getBody()))
    if (const FunctionDecl *Callee = C->getDirectCallee())
      if (Handlers.find(Callee) && Callee->getCanonicalDecl() != Def->getCanonicalDecl())
        CallSites.emplace(Callee->getCanonicalDecl(), std::make_pair(Def, C));
}

bool HandlerAuthentication::isPublic(const RequestHandler &H) const {
  if (anyDeclarationHasAnnotation(H.Function, "appsec::public_route"))
    return true;
  if (H.Route.empty())
    return false;
  for (const auto &R : Public)
    if (R->match(H.Route))
      return true;
  return false;
}

bool HandlerAuthentication::coveredByMiddleware(const RequestHandler &H) {
  llvm::SmallVector<llvm::StringRef, 4> Elsewhere;
  llvm::StringRef(Options.MiddlewareElsewhere).split(Elsewhere, ';', -1, false);
  for (llvm::StringRef E : Elsewhere)
    if (E.trim().equals_insensitive(frameworkName(H.Fw)))
      return true;
  for (const MiddlewareRegistration *R : Middleware.before(H))
    if (Verifier.functionVerifies(R->Function))
      return true;
  for (const CXXRecordDecl *RD : H.Middlewares)
    if (const FunctionDecl *F = MiddlewareIndex::crowBeforeHandle(RD))
      if (Verifier.functionVerifies(F))
        return true;
  for (const std::string &Name : H.FilterNames) {
    const FunctionDecl *F = Middleware.drogonFilter(Name);
    // A filter whose class this translation unit cannot see is given the
    // benefit of the doubt (see docs).
    if (!F || Verifier.functionVerifies(F))
      return true;
  }
  return false;
}

bool HandlerAuthentication::coveredByCallers(const RequestHandler &H) {
  auto [Begin, End] = CallSites.equal_range(H.Function->getCanonicalDecl());
  if (Begin == End)
    return false;
  for (auto It = Begin; It != End; ++It) {
    const auto &[Caller, Call] = It->second;
    if (Handlers.find(Caller))
      continue; // another handler: judged on its own (it passes the request on)
    Walk W = walk(Caller, nullptr, Call);
    if (W.TooBig || W.TargetUnverified)
      return false;
  }
  return true;
}

std::string HandlerAuthentication::requestRead(const Stmt *S, const RequestHandler &H,
                                               const FunctionDecl *F) const {
  auto isRequest = [&](const Expr *E) -> bool {
    if (!E)
      return false;
    E = ignoreWrappers(E, Temporaries | ExplicitCasts);
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star) && Op->getNumArgs() >= 1)
      E = ignoreWrappers(Op->getArg(0), Temporaries);
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && (U->getOpcode() == UO_Deref || U->getOpcode() == UO_AddrOf))
      E = ignoreWrappers(U->getSubExpr(), Temporaries);
    const auto *D = dyn_cast<DeclRefExpr>(E);
    if (!D)
      return false;
    for (unsigned I : H.RequestParams)
      if (I < F->getNumParams() && D->getDecl() == F->getParamDecl(I))
        return true;
    return false;
  };
  // A container member of the request (req.headers, req.url_params, ...).
  auto isRequestContainer = [&](const Expr *E) -> bool {
    if (!E)
      return false;
    E = ignoreWrappers(E, Temporaries);
    if (const auto *M = dyn_cast<MemberExpr>(E))
      return isRequest(M->getBase()) && isContainer(M->getMemberDecl()->getName());
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      return isRequest(MC->getImplicitObjectArgument()) && isContainer(calleeName(MC));
    return false;
  };
  auto byKey = [&](const CallExpr *C, unsigned FirstArg, llvm::StringRef What) -> std::string {
    std::string Key = C->getNumArgs() > FirstArg ? keyOf(C->getArg(FirstArg)) : "";
    if (!Key.empty() && isTokenKey(Key))
      return "";
    if (!Key.empty())
      return What.str() + " '" + Key + "'";
    return What.str();
  };

  if (const auto *D = dyn_cast<DeclRefExpr>(S)) {
    for (unsigned I : H.RouteParams)
      if (I < F->getNumParams() && D->getDecl() == F->getParamDecl(I))
        return "route parameter '" + F->getParamDecl(I)->getNameAsString() + "'";
    return "";
  }
  if (const auto *M = dyn_cast<MemberExpr>(S)) {
    const auto *Field = dyn_cast<FieldDecl>(M->getMemberDecl());
    if (!Field || !isRequest(M->getBase()))
      return "";
    llvm::StringRef N = Field->getName();
    if (isRoutingInfo(N) || isContainer(N))
      return "";
    return "request field '" + N.str() + "'";
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2 &&
        (isRequest(Op->getArg(0)) || isRequestContainer(Op->getArg(0))))
      return byKey(Op, 1, "request header");
    return "";
  }
  const auto *C = dyn_cast<CallExpr>(S);
  if (!C)
    return "";
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C)) {
    llvm::StringRef N = calleeName(MC);
    const Expr *Obj = MC->getImplicitObjectArgument();
    if (isRequest(Obj)) {
      if (isRoutingInfo(N) || isContainer(N))
        return "";
      if (MC->getNumArgs() >= 1 && !keyOf(MC->getArg(0)).empty())
        return byKey(MC, 0, "request value");
      return "request data from " + N.str() + "()";
    }
    if (isRequestContainer(Obj))
      return byKey(MC, 0, "request value");
  }
  // The request handed to another function.
  const FunctionDecl *Callee = C->getDirectCallee();
  if (!Callee)
    return "";
  int RequestArg = -1;
  for (unsigned I = 0; I < C->getNumArgs(); ++I)
    if (isRequest(C->getArg(I))) {
      RequestArg = static_cast<int>(I);
      break;
    }
  if (RequestArg < 0)
    return "";
  llvm::StringRef N = calleeName(C);
  const SourceManager &SM = Ctx.getSourceManager();
  bool System = SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation()));
  if (!System) {
    static const llvm::Regex Neutral("token|jwt|bearer|auth|credential|header|log|trace|metric",
                                     llvm::Regex::IgnoreCase);
    if (N.empty() || Neutral.match(N))
      return "";
    return "the request, passed to " + N.str() + "()";
  }
  // civetweb's C API and CivetServer's static helpers.
  if (N == "mg_read" || N == "mg_get_var" || N == "mg_get_var2" || N == "mg_handle_form_request" ||
      N == "mg_store_body" || N == "getPostData")
    return "request body from " + N.str() + "()";
  if (N == "mg_get_header" || N == "mg_get_cookie" || N == "getHeader" || N == "getCookie" ||
      N == "getParam")
    return byKey(C, static_cast<unsigned>(RequestArg) + 1, "request value");
  return "";
}

bool HandlerAuthentication::readsRequest(const RequestHandler &H) const {
  const FunctionDecl *Def = nullptr;
  if (!H.Function || !H.Function->hasBody(Def) || !Def->getBody())
    return true;
  std::vector<const Stmt *> Todo{Def->getBody()};
  unsigned Budget = 20000;
  while (!Todo.empty() && Budget--) {
    const Stmt *S = Todo.back();
    Todo.pop_back();
    if (!S)
      continue;
    if (isa<LambdaExpr>(S))
      return true; // a nested lambda (a thread, a callback) may use the request
    if (!requestRead(S, H, Def).empty())
      return true;
    for (const Stmt *C : S->children())
      Todo.push_back(C);
  }
  return !Todo.empty(); // out of budget: assume it does
}

HandlerAuthentication::Walk HandlerAuthentication::walk(const FunctionDecl *F,
                                                        const RequestHandler *H,
                                                        const Stmt *Target) {
  Walk W;
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def) || !Def->getBody()) {
    W.TooBig = true;
    return W;
  }
  // Not setAllAlwaysAdd(): it routes `a || b` through a confluence block
  // that forgets which operand decided the branch.
  CFG::BuildOptions Opts;
  Opts.AddImplicitDtors = false;
  Opts.AddTemporaryDtors = false;
  Opts.AddLifetime = false;
  std::unique_ptr<CFG> G = CFG::buildCFG(Def, Def->getBody(), &Ctx, Opts);
  if (!G || G->size() > Options.MaxBlocks) {
    W.TooBig = true;
    return W;
  }
  const SourceManager &SM = Ctx.getSourceManager();
  // Request data read to verify the token (the install payload whose
  // clientKey picks the secret) is not trusted by being read: the source
  // ranges of locals passed to a verification.
  std::vector<SourceRange> VerificationInputs;
  if (H) {
    std::set<const VarDecl *> Inputs;
    for (const CallExpr *C : callsIn(Def->getBody()))
      if (Verifier.isVerification(C))
        for (const Expr *A : C->arguments())
          if (const auto *V = dyn_cast_or_null<VarDecl>(referencedDecl(A)); V && V->isLocalVarDecl())
            Inputs.insert(V);
    for (const VarDecl *V : Inputs)
      if (V->getInit())
        VerificationInputs.push_back(V->getInit()->getSourceRange());
  }
  auto isVerificationInput = [&](const Stmt *S) {
    SourceLocation L = S->getBeginLoc();
    for (SourceRange R : VerificationInputs)
      if (!SM.isBeforeInTranslationUnit(L, R.getBegin()) &&
          !SM.isBeforeInTranslationUnit(R.getEnd(), L))
        return true;
    return false;
  };
  // State: (block, the request data read on the way, or null).
  struct Item {
    const CFGBlock *Block;
    const Stmt *Read;
    std::string What;
  };
  std::set<std::pair<unsigned, bool>> Seen;
  std::deque<Item> Work{{&G->getEntry(), nullptr, ""}};
  Seen.insert({G->getEntry().getBlockID(), false});
  unsigned Steps = 0;
  while (!Work.empty()) {
    if (++Steps > 4 * Options.MaxBlocks) {
      W.TooBig = true;
      return W;
    }
    Item It = Work.front();
    Work.pop_front();
    bool Stopped = false;
    for (const CFGElement &E : *It.Block) {
      std::optional<CFGStmt> CS = E.getAs<CFGStmt>();
      if (!CS)
        continue;
      const Stmt *S = CS->getStmt();
      if (S == Target)
        W.TargetUnverified = true;
      if (const auto *Call = dyn_cast<CallExpr>(S)) {
        if (Verifier.isUnverifiedDecode(Call)) {
          // Claims of a decoded-only token are appsec-jwt-missing-verification's
          // finding at the claim read; do not report the handler as well.
          if (!W.Verification)
            W.Verification = Call;
          Stopped = true;
          break;
        }
        if (Verifier.isVerification(Call)) {
          if (Verifier.resultIgnored(Call, Def)) {
            if (!W.Ignored)
              W.Ignored = Call;
          } else {
            if (!W.Verification)
              W.Verification = Call;
            Stopped = true;
            // `if (!verify(...)) ...`: the branch the `if` takes when the
            // verification fails goes on unverified (a reject there ends it).
            if (const CFGBlock *Failed = failureBranch(*G, Call, Verifier.successPolarity(Call)))
              if (Seen.insert({Failed->getBlockID(), It.Read != nullptr}).second)
                Work.push_back({Failed, It.Read, It.What});
            break;
          }
        }
      }
      if (H && rejects(S, Ctx)) {
        Stopped = true; // an error answer: nothing is served on this path
        break;
      }
      if (H) { // the last read before the path ends unverified is reported
        std::string What = requestRead(S, *H, Def);
        if (!What.empty() && !isVerificationInput(S)) {
          It.Read = S;
          It.What = What;
        }
      }
    }
    if (Stopped)
      continue;
    if (It.Block == &G->getExit()) {
      W.ReachesEnd = true;
      if (It.Read && (!W.FirstRead || SM.isBeforeInTranslationUnit(It.Read->getBeginLoc(),
                                                                    W.FirstRead->getBeginLoc()))) {
        W.FirstRead = It.Read;
        W.ReadWhat = It.What;
      }
      continue;
    }
    for (const CFGBlock::AdjacentBlock &Succ : It.Block->succs())
      if (const CFGBlock *B = Succ.getReachableBlock())
        if (Seen.insert({B->getBlockID(), It.Read != nullptr}).second)
          Work.push_back({B, It.Read, It.What});
  }
  return W;
}

HandlerAuthResult HandlerAuthentication::analyse(const RequestHandler &H) {
  HandlerAuthResult R;
  if (isPublic(H)) {
    R.Verdict = HandlerAuth::Public;
    return R;
  }
  RequestHandler Body = H;
  if (H.Fw == Framework::Oatpp) {
    // The ENDPOINT proxy reads the parameters and calls the endpoint; an
    // AUTHORIZATION parameter makes it run the authorization handler first.
    for (const CallExpr *C : callsIn(H.Function->getBody())) {
      llvm::StringRef N = calleeName(C);
      if (N == "handleDefaultAuthorization" || N == "handleAuthorization") {
        R.Verdict = HandlerAuth::ByMiddleware;
        return R;
      }
    }
    if (const CXXMethodDecl *Endpoint = oatppEndpoint(H.Function)) {
      Body.Function = Endpoint;
      Body.RequestParams.clear();
      Body.RouteParams.clear();
      for (unsigned I = 0; I < Endpoint->getNumParams(); ++I) {
        QualType T = Endpoint->getParamDecl(I)->getType().getNonReferenceType();
        std::string TypeName = T.getAsString();
        if (llvm::StringRef(TypeName).contains("incoming::Request") ||
            llvm::StringRef(TypeName).contains("IncomingRequest"))
          Body.RequestParams.push_back(I);
        else
          Body.RouteParams.push_back(I);
      }
    }
  }
  if (coveredByMiddleware(H)) {
    R.Verdict = HandlerAuth::ByMiddleware;
    return R;
  }
  Walk W = walk(Body.Function, &Body, nullptr);
  if (W.TooBig) {
    R.Verdict = HandlerAuth::Skipped;
    return R;
  }
  R.Verification = W.Verification;
  if (!W.Verification) {
    if (coveredByCallers(H)) {
      R.Verdict = HandlerAuth::ByCaller;
      return R;
    }
    R.IgnoredCall = W.Ignored;
    // Reads nothing from the request and does no work of the application (a
    // fixed greeting, a static page): there is nothing to protect.
    if (!W.Ignored && !readsRequest(Body) && !callsApplication(Body.Function)) {
      R.Verdict = HandlerAuth::Public;
      return R;
    }
    R.Verdict = W.Ignored ? HandlerAuth::ResultIgnored : HandlerAuth::NeverVerifies;
    return R;
  }
  if (W.FirstRead) {
    R.Verdict = HandlerAuth::SomePathsSkip;
    R.Read = W.FirstRead;
    R.ReadWhat = W.ReadWhat;
    return R;
  }
  R.Verdict = HandlerAuth::Verified;
  return R;
}

std::vector<HandlerVerdict> findUnverifiedHandlers(ASTContext &Ctx,
                                                   llvm::ArrayRef<const FunctionDecl *> Functions,
                                                   const HandlerAuthOptions &Options,
                                                   llvm::StringRef VerificationFunctions,
                                                   bool Always, bool SawJwtApi,
                                                   std::vector<std::string> &ConfigErrors) {
  std::vector<HandlerVerdict> Verdicts;
  HandlerIndex Handlers(Ctx);
  MiddlewareIndex Middleware(Ctx);
  for (const FunctionDecl *F : Functions) {
    Handlers.scan(F);
    Middleware.scan(F);
  }
  Middleware.finish();
  if (Handlers.all().empty())
    return Verdicts;

  std::string Error;
  VerificationIndex Verifier(Ctx, VerificationFunctions, &Error);
  if (!Error.empty())
    ConfigErrors.push_back("VerificationFunctions: " + Error);
  Error.clear();
  HandlerAuthentication Auth(Ctx, Verifier, Middleware, Handlers, Options, &Error);
  if (!Error.empty())
    ConfigErrors.push_back("PublicRoutes: " + Error);
  // Only applications that authenticate with JWTs are held to it.
  if (!Always && !SawJwtApi && !Verifier.translationUnitUsesJwt())
    return Verdicts;
  for (const FunctionDecl *F : Functions)
    Auth.addCaller(F);

  const SourceManager &SM = Ctx.getSourceManager();
  for (const auto &[Key, H] : Handlers.all()) {
    if (!SM.isInMainFile(SM.getExpansionLoc(H.Registration)) || H.Function->isTemplateInstantiation())
      continue;
    HandlerAuthResult R = Auth.analyse(H);
    if (R.Verdict != HandlerAuth::NeverVerifies && R.Verdict != HandlerAuth::ResultIgnored &&
        R.Verdict != HandlerAuth::SomePathsSkip)
      continue;
    HandlerVerdict V{H, R, "", identityRole(H, Ctx)};
    if (!V.IdentityRole.empty() && !Options.ReportIdentityEndpoints)
      continue; // a login/token/registration endpoint: there to establish identity
    if (R.IgnoredCall)
      V.IgnoredCallee = Verifier.describe(R.IgnoredCall);
    Verdicts.push_back(std::move(V));
  }
  return Verdicts;
}

} // namespace appsec::jwt
