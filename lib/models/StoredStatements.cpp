#include "models/StoredStatements.h"

#include "support/AstHelpers.h"
#include "support/IdentifierWords.h"

#include "clang/AST/ExprCXX.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace appsec {

namespace {

constexpr llvm::StringLiteral SqlWrites[] = {"INSERT", "UPDATE", "REPLACE", "UPSERT", "MERGE"};
// Redis commands that write a value (hiredis' format strings).
constexpr llvm::StringLiteral RedisWrites[] = {
    "SET",    "SETEX",  "PSETEX", "SETNX", "SETRANGE", "MSET",  "MSETNX", "HSET",
    "HMSET",  "HSETNX", "LPUSH",  "RPUSH", "LPUSHX",   "RPUSHX", "LSET",  "LINSERT",
    "SADD",   "ZADD",   "APPEND", "XADD",  "GETSET",   "GEOADD", "PFADD"};
constexpr llvm::StringLiteral NameWrites[] = {"insert", "update", "upsert", "save",   "store",
                                              "add",    "create", "register", "put", "write",
                                              "replace", "signup", "set"};
constexpr llvm::StringLiteral NameReads[] = {"select", "get",    "find",  "fetch", "load",
                                             "read",   "lookup", "check", "verify", "delete",
                                             "remove", "list",   "count", "exists", "query"};

constexpr unsigned MaxDepth = 8;
/// AST nodes looked at per question, over all the locals it follows.
constexpr unsigned MaxNodes = 20000;

/// One question: the function searched and the work left.
struct Search {
  const Stmt *Body;
  unsigned NodesLeft = MaxNodes;
};

StatementKind kindOf(const Expr *E, Search &S, unsigned Depth);

/// \p E may hold a statement's text: not a number, a null pointer or a
/// pointer to a connection or other handle (`db` in
/// `sqlite3_prepare_v2(db, sql, -1, &stmt, 0)`).
bool mayBeText(const Expr *E) {
  QualType T = E->IgnoreParenImpCasts()->getType();
  if (T.isNull() || T->isArithmeticType() || T->isEnumeralType() || T->isNullPtrType())
    return false;
  if (T->isPointerType() || T->isArrayType())
    return T->getPointeeOrArrayElementType()->isAnyCharacterType();
  return true;
}

/// The first of \p Es whose statement is known.
StatementKind firstKnown(llvm::ArrayRef<const Expr *> Es, Search &S, unsigned Depth) {
  for (const Expr *A : Es)
    if (mayBeText(A))
      if (StatementKind K = kindOf(A, S, Depth); K != StatementKind::Unknown)
        return K;
  return StatementKind::Unknown;
}

StatementKind callArgs(const CallExpr *C, Search &S, unsigned Depth) {
  llvm::SmallVector<const Expr *, 6> Args(C->arguments());
  return firstKnown(Args, S, Depth);
}

bool refersTo(const Expr *E, const VarDecl *V) {
  const auto *D = dyn_cast_or_null<DeclRefExpr>(handleExpr(E));
  return D && D->getDecl() == V;
}

/// The first object of a chain of `<<` (`ss << "INSERT" << x`).
const Expr *streamRoot(const Expr *E) {
  for (unsigned I = 0; I < 64; ++I) {
    const auto *Op = dyn_cast<CXXOperatorCallExpr>(ignoreWrappers(E, Temporaries));
    if (!Op || Op->getOperator() != OO_LessLess)
      return E;
    E = Op->getArg(0);
  }
  return E;
}

/// Where local \p V gets its text in the function: an assignment, the first text
/// streamed or appended into it, or the call that prepares it as a handle.
StatementKind builtInBody(const VarDecl *V, Search &S, unsigned Depth) {
  llvm::SmallVector<const Stmt *, 64> Work{S.Body};
  while (!Work.empty() && S.NodesLeft > 0) {
    --S.NodesLeft;
    const Stmt *Node = Work.pop_back_val();
    if (!Node)
      continue;
    StatementKind K = StatementKind::Unknown;
    if (const auto *B = dyn_cast<BinaryOperator>(Node); B && B->isAssignmentOp() && refersTo(B->getLHS(), V)) {
      K = kindOf(B->getRHS(), S, Depth);
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Node); Op && Op->getNumArgs() == 2) {
      OverloadedOperatorKind O = Op->getOperator();
      if ((O == OO_Equal || O == OO_PlusEqual) && refersTo(Op->getArg(0), V))
        K = kindOf(Op->getArg(1), S, Depth);
      // The innermost `<<` of a chain holds the first text streamed.
      else if (O == OO_LessLess && refersTo(Op->getArg(0), V))
        K = kindOf(Op->getArg(1), S, Depth);
    } else if (const auto *M = dyn_cast<CXXMemberCallExpr>(Node);
               M && M->getNumArgs() >= 1 && M->getImplicitObjectArgument() &&
               refersTo(M->getImplicitObjectArgument(), V)) {
      if (const IdentifierInfo *Id = M->getMethodDecl() ? M->getMethodDecl()->getIdentifier() : nullptr;
          Id && llvm::is_contained({"append", "assign"}, Id->getName()))
        K = kindOf(M->getArg(0), S, Depth);
    } else if (const auto *C = dyn_cast<CallExpr>(Node)) {
      // sqlite3_prepare_v2(db, sql, -1, &stmt, 0), mysql_stmt_prepare(stmt, sql, n).
      const FunctionDecl *F = C->getDirectCallee();
      bool Prepares = F && F->getIdentifier() && F->getName().contains_insensitive("prepare");
      for (const Expr *A : C->arguments())
        if (refersTo(A, V) &&
            (Prepares || isa<UnaryOperator>(ignoreWrappers(A, Temporaries | ExplicitCasts)))) {
          llvm::SmallVector<const Expr *, 6> Others;
          for (const Expr *O : C->arguments())
            if (!refersTo(O, V))
              Others.push_back(O);
          K = firstKnown(Others, S, Depth);
          break;
        }
    }
    if (K != StatementKind::Unknown)
      return K;
    // Depth first, in source order.
    llvm::SmallVector<const Stmt *, 8> Kids(Node->children());
    for (const Stmt *Kid : llvm::reverse(Kids))
      Work.push_back(Kid);
  }
  return StatementKind::Unknown;
}

StatementKind kindOf(const Expr *E, Search &S, unsigned Depth) {
  if (!E || ++Depth > MaxDepth)
    return StatementKind::Unknown;
  // A statement object built from a connection and a text:
  // `Statement(db, "INSERT ...")`; through a chain of its own methods
  // (`.bind(1, a).bind(2, b)`) below.
  if (const auto *C = dyn_cast<CXXConstructExpr>(ignoreWrappers(E, Temporaries | ExplicitCasts));
      C && C->getNumArgs() > 1) {
    llvm::SmallVector<const Expr *, 4> Args(C->arguments());
    return firstKnown(Args, S, Depth);
  }
  E = constructedFrom(E);
  if (const auto *L = dyn_cast<StringLiteral>(E))
    return L->getCharByteWidth() == 1 ? statementKindOfText(L->getString()) : StatementKind::Unknown;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Plus && Op->getNumArgs() == 2)
      return firstKnown({Op->getArg(0), Op->getArg(1)}, S, Depth);
    if (Op->getOperator() == OO_LessLess)
      return kindOf(streamRoot(Op), S, Depth);
    // A smart pointer to a statement handle: `stmt->setString(...)`.
    if (Op->getOperator() == OO_Arrow || Op->getOperator() == OO_Star)
      return kindOf(Op->getArg(0), S, Depth);
    return StatementKind::Unknown;
  }
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
    // sql.c_str(), ss.str(): the text of the object; con->prepareStatement("..."):
    // the text given.
    if (StatementKind K = callArgs(M, S, Depth); K != StatementKind::Unknown)
      return K;
    return kindOf(M->getImplicitObjectArgument(), S, Depth);
  }
  if (const auto *C = dyn_cast<CallExpr>(E))
    return callArgs(C, S, Depth); // fmt::format("INSERT ...", ...), sqlite3_mprintf
  if (const auto *D = dyn_cast<DeclRefExpr>(E)) {
    const auto *V = dyn_cast<VarDecl>(D->getDecl());
    if (!V)
      return StatementKind::Unknown;
    if (const Expr *Init = V->getAnyInitializer())
      if (StatementKind K = kindOf(Init, S, Depth); K != StatementKind::Unknown)
        return K;
    if (S.Body && V->hasLocalStorage())
      return builtInBody(V, S, Depth);
  }
  return StatementKind::Unknown;
}

} // namespace

StatementKind statementKindOfText(llvm::StringRef Text) {
  // Skip blanks, parentheses and comments before the first word.
  for (;;) {
    Text = Text.ltrim(" \t\r\n(");
    if (Text.starts_with("--"))
      Text = Text.drop_until([](char C) { return C == '\n'; });
    else if (Text.starts_with("/*"))
      Text = Text.drop_front(2).drop_until([](char C) { return C == '*'; }).drop_front(2);
    else
      break;
  }
  llvm::StringRef Word = Text.take_while([](char C) { return std::isalpha(static_cast<unsigned char>(C)); });
  if (Word.empty())
    return StatementKind::Unknown;
  std::string Upper = Word.upper();
  if (llvm::is_contained(SqlWrites, Upper) || llvm::is_contained(RedisWrites, Upper))
    return StatementKind::Writes;
  if (Upper == "WITH")
    return Text.contains_insensitive("insert ") || Text.contains_insensitive("update ")
               ? StatementKind::Writes
               : StatementKind::Reads;
  return StatementKind::Reads;
}

StatementKind statementKindOfName(llvm::StringRef Name) {
  bool Reads = false;
  for (const std::string &W : identifierWords(Name)) {
    if (llvm::is_contained(NameWrites, W))
      return StatementKind::Writes;
    Reads |= llvm::is_contained(NameReads, W);
  }
  return Reads ? StatementKind::Reads : StatementKind::Unknown;
}

StatementKind statementKind(const Expr *E, const Stmt *Body) {
  Search S{Body};
  return kindOf(E, S, 0);
}

} // namespace appsec
