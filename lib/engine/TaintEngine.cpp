#include "engine/TaintEngine.h"
#include "jwt/HandlerAuthentication.h"

#include "frameworks/RequestReads.h"
#include "jwt/JwtApi.h"
#include "sanitizers/CharacterClass.h"
#include "models/FunctionNames.h"
#include "propagation/FunctionAnalysis.h"
#include "support/AstHelpers.h"
#include "support/BodyStatements.h"

#include "clang/AST/Attr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <cctype>
#include <mutex>

using namespace clang;

namespace appsec {

namespace {

std::mutex RegistryLock;
using EngineKey = std::pair<const ASTContext *, EngineOptions>;
std::map<EngineKey, std::weak_ptr<TaintEngine>> &registry() {
  static std::map<EngineKey, std::weak_ptr<TaintEngine>> R;
  return R;
}

/// std::string, std::string_view, a framework's string class, char *.
bool isStringLike(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    return T->getPointeeType()->isAnyCharacterType();
  const Type *Ty = T.getCanonicalType().getTypePtr();
  if (const auto *RD = Ty->getAsCXXRecordDecl())
    return RD->getIdentifier() && RD->getName().contains_insensitive("string");
  return false;
}

/// The type a request parameter designates: HttpRequestPtr, const Request &
/// and Request * all name the request.
const Type *requestTypeOf(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T.getCanonicalType().getUnqualifiedType().getTypePtr();
}
std::vector<SeedProvider> &seedProviders() {
  static std::vector<SeedProvider> P;
  return P;
}

/// Parses "appsec::<role>[:<arg>]" annotations.
bool parseAnnotation(StringRef Text, StringRef &Role, StringRef &Arg) {
  if (!Text.consume_front("appsec::"))
    return false;
  std::tie(Role, Arg) = Text.split(':');
  return true;
}

/// Categories of an annotation; 0 if any name is unknown (the annotation is
/// then ignored rather than guessed: a typo must not sanitize everything).
CategoryMask parseCategories(StringRef Arg) {
  if (Arg.empty() || Arg == "all")
    return AllCategories;
  CategoryMask M = 0;
  SmallVector<StringRef, 4> Parts;
  Arg.split(Parts, ',');
  for (StringRef P : Parts) {
    auto C = categoryFromKey(P.trim());
    if (!C)
      return 0;
    M |= maskOf(*C);
  }
  return M;
}

/// Calls \p Visit on every declaration of the unit outside system headers, at
/// namespace scope (namespaces and extern "C" blocks are entered); it returns
/// true to enter a declaration context it was given (a class).
void forEachOwnDecl(ASTContext &Ctx, llvm::function_ref<bool(const Decl *)> Visit) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<const DeclContext *> Todo{Ctx.getTranslationUnitDecl()};
  while (!Todo.empty()) {
    const DeclContext *DC = Todo.back();
    Todo.pop_back();
    for (const Decl *D : DC->decls()) {
      if (SM.isInSystemHeader(D->getLocation()))
        continue;
      if (isa<NamespaceDecl, LinkageSpecDecl>(D))
        Todo.push_back(cast<DeclContext>(D));
      else if (Visit(D))
        if (const auto *Inner = dyn_cast<DeclContext>(D))
          Todo.push_back(Inner);
    }
  }
}

/// Functions of the program that validate or escape their argument
/// character by character (sanitizers/CharacterClass): a validator
/// (`for (...) if (!isalnum(s[i])) return -1; return 0;`) or an escaper
/// (`case '<': out += "&lt;"; break; default: out += c;`).
void inferBodyModels(const FunctionDecl *FD, ASTContext &Ctx, const FunctionModels *M,
                     std::unique_ptr<FunctionModels> &Ann) {
  const FunctionDecl *Def = FD->getDefinition();
  if (!Def || Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return;
  auto models = [&]() -> FunctionModels & {
    if (!Ann)
      Ann = std::make_unique<FunctionModels>(M ? *M : FunctionModels());
    return *Ann;
  };
  if (!M || M->Validators.empty())
    if (std::optional<ValidatorModel> V = characterClassValidator(Def, Ctx)) {
      models().Validators.push_back(*V);
      return;
    }
  if (!M || M->Sanitizers.empty())
    if (std::optional<SanitizerModel> Z = characterEscaper(Def, Ctx))
      models().Sanitizers.push_back(*Z);
}

} // namespace

std::shared_ptr<TaintEngine> TaintEngine::forContext(ASTContext &Ctx,
                                                     const EngineOptions &Opts,
                                                     std::string &ConfigError) {
  std::lock_guard<std::mutex> Guard(RegistryLock);
  auto &R = registry();
  for (auto It = R.begin(); It != R.end();)
    It = It->second.expired() ? R.erase(It) : std::next(It);
  EngineKey Key{&Ctx, Opts};
  auto It = R.find(Key);
  if (It != R.end())
    if (auto E = It->second.lock())
      return E;
  std::shared_ptr<const ModelSet> Models = ModelSet::builtin();
  if (!Opts.ModelFiles.empty()) {
    auto User = ModelSet::withUserFiles(Opts.ModelFiles, ConfigError);
    if (User)
      Models = User;
  }
  // An invalid verifier pattern is skipped here and reported by
  // appsec-jwt-missing-verification, which reads the same option.
  auto E = std::make_shared<TaintEngine>(Ctx, Models, Opts);
  R[Key] = E;
  return E;
}

namespace {
/// "Vault_Token; pin" -> vaulttoken, pin: the form SensitiveData compares.
std::vector<std::string> splitNames(llvm::StringRef Text) {
  std::vector<std::string> Out;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Text.split(Parts, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

std::vector<std::string> splitPatterns(llvm::StringRef Text) {
  std::vector<std::string> Out;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Text.split(Parts, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef P : Parts) {
    std::string W;
    for (char C : P)
      if (std::isalnum(static_cast<unsigned char>(C)))
        W.push_back(char(std::tolower(static_cast<unsigned char>(C))));
    if (!W.empty())
      Out.push_back(W);
  }
  return Out;
}
} // namespace

TaintEngine::TaintEngine(ASTContext &Ctx, std::shared_ptr<const ModelSet> Models,
                         const EngineOptions &Opts, std::string *PatternError)
    : Ctx(Ctx), Models(std::move(Models)), Opts(Opts), Constants(Ctx),
      Sensitive(splitPatterns(Opts.SecretNames), splitPatterns(Opts.EndUserDataNames),
                splitNames(Opts.EncryptedStores)), Handlers(Ctx),
      Verifier(Ctx, this->Opts.VerifierNames, PatternError) {
  Verifier.setElsewhere([this](const FunctionDecl *F) { return verifiesElsewhere(F); });
}

std::optional<BranchSink> TaintEngine::branchSinkAt(const Stmt *Terminator,
                                                    const FunctionDecl *FD) {
  // Libraries choose among their own algorithms (cpp-jwt switches on the
  // header's alg to verify it); only the program's choices count.
  if (Ctx.getSourceManager().isInSystemHeader(Terminator->getBeginLoc()))
    return std::nullopt;
  auto [It, New] = ChoosesVerifier.try_emplace(Terminator, false);
  if (New)
    It->second = jwt::choosesVerifier(Terminator, FD, Ctx);
  if (!It->second)
    return std::nullopt;
  return BranchSink{SinkCategory::JwtAlgorithm, "a branch",
                    "configures a different verifier on each side"};
}

const RequestHandler *TaintEngine::handlerBodyFor(const FunctionDecl *FD) {
  if (!BodiesKnown) {
    BodiesKnown = true;
    for (const auto &[Fn, H] : Handlers.all()) {
      RequestHandler Body = handlerBody(H);
      if (const FunctionDecl *Def = Body.Function ? Body.Function->getDefinition() : nullptr)
        Bodies.emplace(Def->getCanonicalDecl(), std::move(Body));
    }
  }
  if (!FD)
    return nullptr;
  auto It = Bodies.find(FD->getCanonicalDecl());
  return It == Bodies.end() ? nullptr : &It->second;
}

bool TaintEngine::requestVerifiedBefore(const FunctionDecl *FD) {
  const RequestHandler *H = handlerBodyFor(FD);
  if (!H)
    return false;
  if (!Gates) {
    Gates = std::make_unique<MiddlewareIndex>(Ctx);
    for (const FunctionDecl *E : Entries)
      Gates->scan(E);
    Gates->finish();
  }
  return jwt::gateVerifies(*H, *Gates, Verifier);
}

const AuthenticationOutcome *TaintEngine::authentication(const FunctionDecl *FD) {
  findings();
  auto It = AuthOutcomes.find(FD->getCanonicalDecl());
  return It == AuthOutcomes.end() ? nullptr : &It->second;
}

bool TaintEngine::isCalledInUnit(const FunctionDecl *FD) {
  if (!CalledKnown) {
    CalledKnown = true;
    const SourceManager &SM = Ctx.getSourceManager();
    for (const FunctionDecl *E : Entries)
      for (const CallExpr *C : callsIn(E->getBody())) {
        const FunctionDecl *Callee = C->getDirectCallee();
        if (!Callee)
          continue;
        Called.insert(Callee->getCanonicalDecl());
        // A lambda handed to a function of the program (not to a framework's
        // registration) runs when that function calls it, in its context:
        // `verified(req, res, [&](...) { ...claims... })` after verifying.
        if (SM.isInSystemHeader(Callee->getLocation()) || inLibraryNamespace(Callee))
          continue;
        // The lambda itself, a copy, a std::function made from it, or a
        // local initialised with one of those.
        auto strip = [](const Expr *E) {
          for (unsigned N = 0; E && N < 8; ++N) {
            E = E->IgnoreImplicit()->IgnoreParens();
            const auto *CE = dyn_cast<CXXConstructExpr>(E);
            if (!CE || CE->getNumArgs() != 1 || isa<CXXTemporaryObjectExpr>(CE))
              break;
            E = CE->getArg(0);
          }
          return E;
        };
        for (const Expr *A : C->arguments()) {
          const Expr *Arg = strip(A);
          if (const auto *D = dyn_cast_or_null<DeclRefExpr>(Arg))
            if (const auto *V = dyn_cast<VarDecl>(D->getDecl()); V && V->isLocalVarDecl() && V->getInit())
              Arg = strip(V->getInit());
          if (const auto *L = dyn_cast_or_null<LambdaExpr>(Arg))
            Called.insert(L->getCallOperator()->getCanonicalDecl());
        }
      }
  }
  if (!FD)
    return false;
  if (Called.count(FD->getCanonicalDecl()))
    return true;
  // Called from another unit of the program: its callers there decide.
  const SummaryStore *St = openStore();
  return St && St->isImported(linkageKey(FD));
}

bool TaintEngine::isRequestType(QualType T) {
  if (!RequestTypesKnown) {
    RequestTypesKnown = true;
    for (const auto &[FD, H] : Handlers.all())
      for (unsigned I : H.RequestParams)
        if (I < FD->getNumParams())
          RequestTypes.insert(requestTypeOf(FD->getParamDecl(I)->getType()));
  }
  return !T.isNull() && RequestTypes.count(requestTypeOf(T));
}

void TaintEngine::addSeedProvider(SeedProvider P) {
  std::lock_guard<std::mutex> Guard(RegistryLock);
  seedProviders().push_back(std::move(P));
}

void TaintEngine::addEntry(const FunctionDecl *FD) {
  if (!FD || Ran)
    return;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def || Def->isDependentContext() || Def->isInvalidDecl())
    return;
  if (!EntrySet.insert(Def).second)
    return;
  Entries.push_back(Def);
  Constants.noteWrites(Def->getBody());
  Handlers.scan(Def);
  if (const auto *M = dyn_cast<CXXMethodDecl>(Def))
    for (const CXXMethodDecl *O : M->overridden_methods()) {
      // Record the overrider under every method it (transitively) overrides.
      std::vector<const CXXMethodDecl *> Todo{O};
      while (!Todo.empty()) {
        const CXXMethodDecl *Base = Todo.back();
        Todo.pop_back();
        Overriders[Base->getCanonicalDecl()].push_back(Def);
        for (const CXXMethodDecl *B : Base->overridden_methods())
          Todo.push_back(B);
      }
    }
}

void TaintEngine::indexDeclaredOverriders() {
  auto note = [&](const CXXMethodDecl *Over) {
    std::vector<const CXXMethodDecl *> Todo(Over->overridden_methods().begin(),
                                            Over->overridden_methods().end());
    while (!Todo.empty()) {
      const CXXMethodDecl *Base = Todo.back();
      Todo.pop_back();
      std::vector<const FunctionDecl *> &List = Overriders[Base->getCanonicalDecl()];
      if (llvm::none_of(List, [&](const FunctionDecl *F) {
            return F->getCanonicalDecl() == Over->getCanonicalDecl();
          }))
        List.push_back(Over);
      Todo.insert(Todo.end(), Base->overridden_methods().begin(), Base->overridden_methods().end());
    }
  };
  forEachOwnDecl(Ctx, [&](const Decl *D) {
    const auto *RD = dyn_cast<CXXRecordDecl>(D);
    if (!RD || !RD->isThisDeclarationADefinition() || RD->isDependentContext())
      return false;
    for (const CXXMethodDecl *M : RD->methods())
      if (M->isVirtual() && !M->hasBody() && M->size_overridden_methods() > 0)
        note(M);
    return true; // nested classes too
  });
}

std::vector<const FunctionDecl *> TaintEngine::overriders(const CXXMethodDecl *M) const {
  auto It = Overriders.find(M->getCanonicalDecl());
  return It == Overriders.end() ? std::vector<const FunctionDecl *>() : It->second;
}

const std::vector<SinkFinding> &TaintEngine::findings() {
  if (Ran)
    return Findings;
  Ran = true;
  // Overriders defined in other units are called through their summaries.
  if (!Opts.SummaryStore.empty())
    indexDeclaredOverriders();
  // Untrusted data written to globals is seen by functions analysed earlier
  // only in the next round.
  for (unsigned Round = 0; Round < 3; ++Round) {
    GlobalsChanged = false;
    for (const FunctionDecl *FD : Entries) {
      FunctionAnalysis A(*this, FD, /*SummaryMode=*/false);
      A.run();
    }
    if (!GlobalsChanged)
      break;
    Summaries.clear();
  }
  // Handlers registered here whose code is elsewhere: inline in a header of
  // the project (an oat++ controller's ENDPOINTs), they are entries of this
  // unit, since no unit has a header's functions as its own (their findings
  // show where the header filter lets them; appsec-scan reports a header's
  // finding once). In a library's header, for the handler check's question only.
  handlerBodyFor(nullptr);
  const SourceManager &SM = Ctx.getSourceManager();
  for (const auto &[Canonical, Body] : Bodies)
    if (const FunctionDecl *Def = Body.Function->getDefinition();
        Def && !EntrySet.count(Def) && !Def->isDependentContext() && !Def->isInvalidDecl()) {
      Muted = SM.isInSystemHeader(SM.getExpansionLoc(Def->getLocation()));
      FunctionAnalysis A(*this, Def, /*SummaryMode=*/false);
      A.run();
    }
  Muted = false;
  if (!Opts.SummaryExport.empty())
    exportSummaries();
  return Findings;
}

const SummaryStore *TaintEngine::store(const FunctionDecl *FD, std::string &Key) {
  if (Opts.SummaryStore.empty() && Opts.SummaryExport.empty())
    return nullptr;
  if (Ctx.getSourceManager().isInSystemHeader(FD->getLocation()))
    return nullptr;
  Key = linkageKey(FD);
  if (Key.empty())
    return nullptr;
  Imports.insert(Key);
  return openStore();
}

const SummaryStore *TaintEngine::openStore() {
  if (Opts.SummaryStore.empty())
    return nullptr;
  if (!StoreOpened) {
    StoreOpened = true;
    Store = SummaryStore::open(Opts.SummaryStore, StoreWarning);
  }
  return Store.get();
}

bool TaintEngine::programServesRequests() {
  if (!Handlers.all().empty())
    return true;
  const SummaryStore *St = openStore();
  return St && St->anyUnitServesRequests();
}

const FunctionSummary *TaintEngine::summaryElsewhere(const FunctionDecl *FD) {
  std::string Key;
  const SummaryStore *St = store(FD, Key);
  return St ? St->find(Key) : nullptr;
}

const VarDecl *TaintEngine::globalNamed(StringRef Key) {
  if (!GlobalsByKeyKnown) {
    GlobalsByKeyKnown = true;
    forEachOwnDecl(Ctx, [&](const Decl *D) {
      if (const auto *V = dyn_cast<VarDecl>(D))
        if (std::string K = linkageKey(V); !K.empty())
          GlobalsByKey.emplace(std::move(K), V->getCanonicalDecl());
      return false;
    });
  }
  auto It = GlobalsByKey.find(Key);
  return It == GlobalsByKey.end() ? nullptr : It->second;
}

std::optional<bool> TaintEngine::verifiesElsewhere(const FunctionDecl *FD) {
  std::string Key;
  const SummaryStore *St = store(FD, Key);
  return St ? St->verifies(Key) : std::nullopt;
}

bool TaintEngine::handlesJwtElsewhere(const FunctionDecl *FD) {
  std::string Key;
  const SummaryStore *St = store(FD, Key);
  const FunctionSummary *S = St ? St->find(Key) : nullptr;
  if (!S)
    return false;
  if (S->VerifiesRequestToken)
    return true;
  return llvm::any_of(S->Sinks, [](const SinkHit &H) {
    return H.Category == SinkCategory::JwtClaim || (H.Labels & maskOf(Label::JwtDecoded));
  });
}

void TaintEngine::exportSummaries() {
  const SourceManager &SM = Ctx.getSourceManager();
  UnitSummaries U;
  if (OptionalFileEntryRef F = SM.getFileEntryRefForID(SM.getMainFileID())) {
    StringRef Real = F->getFileEntry().tryGetRealPathName();
    U.MainFile = Real.empty() ? F->getName().str() : Real.str();
  }
  if (U.MainFile.empty())
    return;
  for (const FunctionDecl *FD : Entries) {
    std::string Key = linkageKey(FD);
    if (Key.empty())
      continue;
    if (const FunctionModels *M = modelsFor(FD);
        M && (!M->Validators.empty() || !M->Sanitizers.empty()))
      U.Models.emplace(Key, *M);
    if (Verifier.functionVerifies(FD))
      U.Verifying.insert(Key);
    if (const FunctionSummary *S = summaryFor(FD))
      U.Functions.emplace(std::move(Key), *S);
  }
  U.Imports.assign(Imports.begin(), Imports.end());
  U.ServesRequests = !Handlers.all().empty();
  std::string Error;
  if (!SummaryStore::write(Opts.SummaryExport, U, SM, Error))
    StoreWarning = StoreWarning.empty() ? Error : StoreWarning + "; " + Error;
}

const FunctionModels *TaintEngine::modelsFor(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  FD = FD->getCanonicalDecl();
  auto It = ModelCache.find(FD);
  if (It != ModelCache.end())
    return It->second;
  const FunctionModels *M = nullptr;
  if (FD->getDeclName().isIdentifier() || isa<CXXConstructorDecl>(FD) ||
      isa<CXXConversionDecl>(FD) ||
      FD->getDeclName().getNameKind() == DeclarationName::CXXOperatorName)
    M = Models->find(modelName(FD));
  // Annotations on the declaration (or any redeclaration) add models.
  std::unique_ptr<FunctionModels> Ann;
  for (const FunctionDecl *R : FD->redecls())
    for (const auto *A : R->specific_attrs<AnnotateAttr>()) {
      StringRef Role, Arg;
      if (!parseAnnotation(A->getAnnotation(), Role, Arg))
        continue;
      if (!Ann)
        Ann = std::make_unique<FunctionModels>(M ? *M : FunctionModels());
      if (Role == "sanitizer") {
        SanitizerModel Z;
        Z.Categories = parseCategories(Arg);
        if (!Z.Categories)
          continue;
        if (FD->getNumParams() > 0)
          Z.From.push_back({ArgSpec::Arg, 0});
        Z.To.push_back({ArgSpec::Return, 0});
        Ann->Sanitizers.push_back(Z);
      } else if (Role == "validator") {
        ValidatorModel V;
        V.Categories = parseCategories(Arg);
        if (!V.Categories)
          continue;
        for (unsigned I = 0; I < FD->getNumParams(); ++I)
          V.Validates.push_back({ArgSpec::Arg, I});
        Ann->Validators.push_back(V);
      } else if (Role == "source") {
        SourceModel Src;
        if (!Arg.empty() && !labelFromKey(Arg))
          continue;
        Src.Kind = labelFromKey(Arg).value_or(Label::Network);
        Src.Writes.push_back({ArgSpec::Return, 0});
        Ann->Sources.push_back(Src);
      } else if (Role == "sink") {
        SinkModel K;
        if (!categoryFromKey(Arg))
          continue;
        K.Category = *categoryFromKey(Arg);
        K.Args.push_back({ArgSpec::ArgsFrom, 0});
        K.What = "is an annotated " + std::string(categoryKey(K.Category)) + " sink";
        Ann->Sinks.push_back(K);
      }
    }
  // The project's verifier functions, by name: `if (!verifyToken(decoded))`
  // or `if (authenticate(req))` validates on its true branch; a void one
  // whose body is elsewhere verifies what it is given (it throws otherwise).
  // Bodies in view are analysed instead (their summaries say what they do).
  bool AnnotatedVerifier = anyDeclarationHasAnnotation(FD, "appsec::verifies_jwt");
  const IdentifierInfo *Id = FD->getIdentifier();
  bool NamedVerifier = Id && !Ctx.getSourceManager().isInSystemHeader(FD->getLocation()) &&
                       Verifier.hasVerifierName(Id->getName());
  if ((!M || M->empty()) && (AnnotatedVerifier || NamedVerifier)) {
    if (!Ann)
      Ann = std::make_unique<FunctionModels>();
    QualType Ret = FD->getReturnType();
    if (Ret->isBooleanType()) {
      ValidatorModel V;
      V.Categories = maskOf(SinkCategory::JwtClaim);
      for (unsigned I = 0; I < FD->getNumParams(); ++I)
        V.Validates.push_back({ArgSpec::Arg, I});
      Ann->Validators.push_back(V);
    } else if (Ret->isVoidType() && !FD->hasBody()) {
      for (unsigned I = 0; I < FD->getNumParams(); ++I) {
        SanitizerModel Z;
        Z.Categories = maskOf(SinkCategory::JwtClaim);
        Z.From.push_back({ArgSpec::Arg, I});
        Z.To.push_back({ArgSpec::Arg, I});
        Ann->Sanitizers.push_back(Z);
      }
    }
    if (Ann->empty())
      Ann.reset();
  }
  inferBodyModels(FD, Ctx, M, Ann);
  // A validator or escaper defined in another unit, inferred from its body there.
  if (!M && !Ann && !FD->getDefinition())
    if (std::string Key; const SummaryStore *St = store(FD, Key))
      M = St->findModels(Key);
  if (Ann) {
    M = Ann.get();
    AnnotationModels[FD] = std::move(Ann);
  }
  ModelCache[FD] = M;
  return M;
}

const FieldSourceModel *TaintEngine::fieldSourceFor(const FieldDecl *FD) {
  auto It = FieldCache.find(FD);
  if (It != FieldCache.end())
    return It->second;
  const FieldSourceModel *M =
      FD->getIdentifier() ? Models->findField(modelName(FD)) : nullptr;
  FieldCache[FD] = M;
  return M;
}

const std::vector<std::pair<unsigned, SinkCategory>> &
TaintEngine::paramSinks(const FunctionDecl *FD) {
  FD = FD->getCanonicalDecl();
  auto It = ParamSinkCache.find(FD);
  if (It != ParamSinkCache.end())
    return It->second;
  std::vector<std::pair<unsigned, SinkCategory>> Out;
  for (const FunctionDecl *R : FD->redecls())
    for (unsigned I = 0; I < R->getNumParams(); ++I)
      for (const auto *A : R->getParamDecl(I)->specific_attrs<AnnotateAttr>()) {
        StringRef Role, Arg;
        if (parseAnnotation(A->getAnnotation(), Role, Arg) && Role == "sink")
          if (auto C = categoryFromKey(Arg))
            Out.emplace_back(I, *C);
      }
  return ParamSinkCache[FD] = std::move(Out);
}

std::vector<EntrySeed> TaintEngine::seedsFor(const FunctionDecl *FD) {
  std::vector<EntrySeed> Seeds;
  // main(int argc, char **argv): the arguments come from whoever runs it.
  if (FD->isMain() && FD->getNumParams() >= 2)
    Seeds.push_back({FD->getParamDecl(1), Label::CommandLine,
                     "command-line arguments arrive in '" +
                         FD->getParamDecl(1)->getNameAsString() + "'"});
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    for (const FunctionDecl *R : FD->redecls())
      for (const auto *A : R->getParamDecl(I)->specific_attrs<AnnotateAttr>()) {
        StringRef Role, Arg;
        if (parseAnnotation(A->getAnnotation(), Role, Arg) && Role == "source")
          Seeds.push_back({FD->getParamDecl(I), labelFromKey(Arg).value_or(Label::Network),
                           "untrusted parameter '" + FD->getParamDecl(I)->getNameAsString() +
                               "'"});
      }
  // Route parameters of request handlers come from the URL. The request
  // object itself is not seeded: its untrusted parts are modelled member by
  // member (lib/models/models-web.json), so safe members such as the peer
  // address stay clean.
  // (An oat++ ENDPOINT routed here but defined in a header: its body.)
  const RequestHandler *H = Handlers.find(FD);
  if (!H)
    H = handlerBodyFor(FD);
  if (H)
    for (unsigned I : H->RouteParams)
      if (I < FD->getNumParams())
        Seeds.push_back({FD->getParamDecl(I), Label::WebRequest,
                         "route parameter '" + FD->getParamDecl(I)->getNameAsString() +
                             "' of " + frameworkName(H->Fw) + " handler" +
                             (H->Route.empty() ? std::string() : " '" + H->Route + "'"),
                         });
  // A library's callback (Poco PartHandler::handlePart): the overrider's
  // parameters hold what the library hands it (models: "parameters").
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD); M && M->isVirtual())
    callbackSeeds(M, Seeds);
  // cpprestsdk: request.extract_json().then([](json::value body) {...}):
  // the continuation's parameter is the request body.
  if (const auto *M = dyn_cast<CXXMethodDecl>(FD);
      M && M->getParent()->isLambda() && FD->getNumParams() >= 1) {
    if (!ContinuationsKnown) {
      ContinuationsKnown = true;
      for (const FunctionDecl *E : Entries)
        if (E->hasBody())
          for (const CallExpr *C : callsIn(E->getBody()))
            if (std::string Read = requestBodyContinuation(C); !Read.empty())
              if (const auto *L = dyn_cast<LambdaExpr>(
                      ignoreWrappers(C->getArg(0), Temporaries | CopyConstructors)))
                Continuations.emplace(L->getCallOperator(), Read);
    }
    auto It = Continuations.find(FD);
    if (It != Continuations.end())
      Seeds.push_back({FD->getParamDecl(0), Label::WebRequest,
                       "HTTP request data arrives in '" + FD->getParamDecl(0)->getNameAsString() +
                           "' from " + It->second,
                       It->second});
  }
  std::vector<SeedProvider> Providers;
  {
    std::lock_guard<std::mutex> Guard(RegistryLock);
    Providers = seedProviders();
  }
  for (const SeedProvider &P : Providers)
    P(FD, Ctx, Seeds);
  // String parameters of a function nobody in this unit calls come from
  // callers elsewhere (other files, the framework): of unknown origin. Only
  // the JWT claims check counts that label (a token handed in and trusted).
  if (!FD->isMain() && !isCalledInUnit(FD))
    for (unsigned I = 0; I < FD->getNumParams(); ++I) {
      const ParmVarDecl *P = FD->getParamDecl(I);
      bool Seeded = llvm::any_of(Seeds, [&](const EntrySeed &S) { return S.Param == P; });
      if (!Seeded && isStringLike(P->getType()))
        Seeds.push_back({P, Label::Unknown,
                         "parameter '" + P->getNameAsString() + "', given by callers outside this file"});
    }
  return Seeds;
}

void TaintEngine::callbackSeeds(const CXXMethodDecl *M, std::vector<EntrySeed> &Seeds) {
  llvm::SmallVector<const CXXMethodDecl *, 4> Work(M->overridden_methods());
  llvm::SmallPtrSet<const CXXMethodDecl *, 8> Seen;
  while (!Work.empty()) {
    const CXXMethodDecl *O = Work.pop_back_val();
    if (!Seen.insert(O).second)
      continue;
    Work.append(O->overridden_methods().begin(), O->overridden_methods().end());
    const FunctionModels *Models = modelsFor(O);
    if (!Models)
      continue;
    for (const SourceModel &Src : Models->Sources)
      for (const ArgSpec &A : Src.Parameters) {
        if (A.Index >= M->getNumParams())
          continue;
        const ParmVarDecl *P = M->getParamDecl(A.Index);
        std::string Name = (O->getParent()->getName() + "::" + O->getName() + "()").str();
        Seeds.push_back({P, Src.Kind,
                         std::string(labelPhrase(Src.Kind)) + " arrives in '" + P->getNameAsString() +
                             "', given by the library to " + Name,
                         Src.Description.empty() ? Name : Src.Description});
      }
  }
}

const FunctionSummary *TaintEngine::summaryFor(const FunctionDecl *FD) {
  FD = FD->getCanonicalDecl();
  auto It = Summaries.find(FD);
  if (It != Summaries.end())
    return It->second.get();
  // Recursion and very deep call chains: no summary (an under-approximation).
  if (InProgress.count(FD) || Depth >= Opts.MaxSummaryDepth || Summaries.size() > 4000)
    return nullptr;
  InProgress.insert(FD);
  ++Depth;
  FunctionAnalysis A(*this, FD, /*SummaryMode=*/true);
  A.run();
  --Depth;
  InProgress.erase(FD);
  auto &Slot = Summaries[FD];
  Slot = std::make_unique<FunctionSummary>(A.takeSummary());
  return Slot.get();
}

void TaintEngine::report(SinkFinding F) {
  if (Muted)
    return;
  // One finding per sink argument, category, origin and kinds of data: the
  // first path found from each origin, so a check that counts only some
  // origins still finds its path when another origin reached the same sink
  // first; and a data-protection check still finds the secret that a helper's
  // second caller passes when the first passed other data from the same
  // origin (a parameter of callers outside the file, say).
  auto Key = std::make_tuple(F.Loc.getRawEncoding(), unsigned(F.Category), F.SourceLabel,
                             F.Labels & SensitiveLabels);
  if (!FindingKeys.insert(Key).second)
    return;
  Findings.push_back(std::move(F));
}

TaintFact TaintEngine::globalFact(const LocKey &K) const {
  auto It = Globals.find(K);
  return It == Globals.end() ? TaintFact() : It->second;
}

void TaintEngine::writeGlobal(const LocKey &K, const TaintFact &F) {
  TaintFact &G = Globals[K];
  TaintFact Before = G;
  G.join(F);
  if (!Before.sameAs(G))
    GlobalsChanged = true;
}

} // namespace appsec
