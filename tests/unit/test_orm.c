/* test_orm.c — ORM models as tables and ORM call sites: source of each ORM is
 * lowered by its frontend, the models are checked exactly (table, columns in
 * order, types), their DDL is loaded into an SQLite schema, and call sites
 * are checked for the model, the operation and the columns they name. */
#include "check.h"
#include "analyses/orm.h"
#include "analyses/sql.h"
#include "frontend/frontend.h"

#include <string.h>

static as_intern *strings;

static ir_unit *lower(const char *path, const char *src) {
  size_t len = strlen(src);
  const char *ext = strrchr(path, '.');
  if (strcmp(ext, ".py") == 0) return fe_python_lower(strings, path, "app.models", src, len);
  if (strcmp(ext, ".java") == 0) return fe_java_lower(strings, path, "app", src, len);
  if (strcmp(ext, ".go") == 0) return fe_go_lower(strings, path, "models", src, len);
  return fe_javascript_lower(strings, path, "src/models", src, len);
}

/* "orm name table: col TYPE, ..." */
static char *model_text(const an_orm_model *m) {
  as_buf b = {0};
  if (!m) {
    as_buf_puts(&b, "(none)");
    return b.data;
  }
  as_buf_printf(&b, "%s %s %s:", m->orm, m->name, m->table);
  for (uint32_t i = 0; i < m->ncolumns; i++)
    as_buf_printf(&b, "%s %s %s", i ? "," : "", m->columns[i], m->types[i]);
  return b.data;
}

#define CHECK_MODEL(set, orm, name, text)                                                          \
  do {                                                                                             \
    char *t_ = model_text(an_orm_find(set, orm, name));                                            \
    CHECK_STR(t_, text);                                                                           \
    free(t_);                                                                                      \
  } while (0)

/* The call to callee at line in function fname of u, described as "Model
 * read|write [col,...]", or "-" when it is not an ORM call. */
static char *call_text(const an_orm_set *set, const ir_unit *u, const char *fname, uint32_t line,
                       const char *callee) {
  as_buf b = {0};
  for (uint32_t f = 0; f < u->nfuncs; f++) {
    const ir_func *fn = u->funcs[f];
    if (strcmp(fn->name, fname) != 0) continue;
    for (uint32_t i = 0; i < fn->ninsts; i++) {
      const ir_inst *in = &fn->insts[i];
      if (in->op != IR_CALL || in->loc.line != line || strcmp(in->callee, callee) != 0) continue;
      an_orm_call c;
      if (!an_orm_call_at(set, u, fn, i, &c)) {
        as_buf_puts(&b, "-");
        return b.data;
      }
      as_buf_printf(&b, "%s %s", c.model->name, c.op == AN_ORM_READ ? "read" : "write");
      for (uint32_t k = 0; k < c.ncolumns; k++)
        as_buf_printf(&b, "%s%s", k ? "," : " ", c.columns[k]);
      return b.data;
    }
  }
  as_buf_printf(&b, "no call %s at %s:%u", callee, fname, line);
  return b.data;
}

#define CHECK_CALL(set, u, fname, line, callee, text)                                              \
  do {                                                                                             \
    char *t_ = call_text(set, u, fname, line, callee);                                             \
    CHECK_STR(t_, text);                                                                           \
    free(t_);                                                                                      \
  } while (0)

/* Every model's DDL loads into SQLite and gives back the same columns. */
static void check_ddl(const an_orm_set *set) {
  an_schema *s = an_schema_new();
  for (size_t i = 0; i < an_orm_count(set); i++) {
    const an_orm_model *m = an_orm_at(set, i);
    char *ddl = an_orm_ddl(m);
    CHECK_INT(an_schema_add_sql(s, ddl, m->path), 1);
    free(ddl);
    const char *const *cols;
    size_t n = an_schema_columns(s, m->table, &cols);
    CHECK_INT(n, m->ncolumns);
    for (size_t k = 0; k < n && k < m->ncolumns; k++)
      CHECK_STR(cols[k], m->columns[k]);
  }
  size_t nd;
  an_schema_diags(s, &nd);
  CHECK_INT(nd, 0);
  an_schema_delete(s);
}

static const char django_src[] = "from django.db import models\n"
                                 "from django.db.models import CharField\n"
                                 "\n"
                                 "class Customer(models.Model):\n"
                                 "    email = models.EmailField(max_length=200)\n"
                                 "    name = CharField(max_length=100, db_column=\"full_name\")\n"
                                 "    age = models.IntegerField(null=True)\n"
                                 "    owner = models.ForeignKey(User, on_delete=models.CASCADE)\n"
                                 "    balance = models.DecimalField(max_digits=9)\n"
                                 "    tags = models.ManyToManyField(Tag)\n"
                                 "    objects = CustomerManager()\n"
                                 "\n"
                                 "    class Meta:\n"
                                 "        db_table = \"customers\"\n"
                                 "\n"
                                 "    def __str__(self):\n"
                                 "        return self.email\n"
                                 "\n"
                                 "class Invoice(models.Model):\n"
                                 "    number = models.CharField(primary_key=True, max_length=9)\n"
                                 "    paid = models.BooleanField()\n"
                                 "\n"
                                 "class Base(models.Model):\n"
                                 "    created = models.DateTimeField()\n"
                                 "    class Meta:\n"
                                 "        abstract = True\n"
                                 "\n"
                                 "class Plain:\n"
                                 "    x = compute(3)\n"
                                 "    y = 4\n";

static const char django_views[] =
    "def view(request, foo):\n"
    "    c = Customer.objects.filter(age=1).update(name=\"x\", bogus=2)\n"
    "    Customer.objects.create(email=e, owner=u, nope=1)\n"
    "    x = foo.objects.filter(a=1)\n"
    "    rows = Customer.objects.values(\"email\", \"age\")\n"
    "    qs = Customer.objects.filter(age=3)\n"
    "    qs.delete()\n"
    "    one = Customer.objects.get(id=1)\n"
    "    one.email = \"new\"\n"
    "    one.save()\n"
    "    fresh = Invoice(number=\"1\", paid=True)\n"
    "    fresh.save()\n"
    "    n = Customer.objects.count()\n"
    "    p = Plain.objects.filter(x=1)\n"
    "    Customer.objects.filter(age=2).first()\n";

static void test_django(void) {
  an_orm_set *set = an_orm_set_new();
  ir_unit *models = lower("app/models.py", django_src);
  ir_unit *views = lower("app/views.py", django_views);
  an_orm_add_unit(set, models);
  an_orm_add_unit(set, views); /* declares no model */
  CHECK_INT(an_orm_count(set), 2);
  CHECK_MODEL(set, "django", "Customer",
              "django Customer customers: id INTEGER, email TEXT, full_name TEXT, age INTEGER, "
              "owner_id INTEGER, balance REAL");
  CHECK_MODEL(set, "django", "Invoice", "django Invoice invoice: number TEXT, paid INTEGER");
  CHECK(an_orm_find(set, "django", "Base") == NULL);  /* abstract */
  CHECK(an_orm_find(set, "django", "Plain") == NULL); /* its attribute is no field */
  CHECK(an_orm_find(set, "django", "Meta") == NULL);
  const an_orm_model *m = an_orm_find(set, "django", "Customer");
  CHECK_STR(m->path, "app/models.py");
  CHECK_INT(m->line, 4);
  CHECK_STR(m->attrs[4], "owner");
  check_ddl(set);

  CHECK_CALL(set, views, "view", 2, "<expr>.update", "Customer write full_name");
  CHECK_CALL(set, views, "view", 2, "Customer.objects.filter", "-"); /* the chain's first link */
  CHECK_CALL(set, views, "view", 3, "Customer.objects.create", "Customer write email,owner_id");
  CHECK_CALL(set, views, "view", 4, "foo.objects.filter", "-");
  CHECK_CALL(set, views, "view", 5, "Customer.objects.values", "Customer read email,age");
  CHECK_CALL(set, views, "view", 6, "Customer.objects.filter", "Customer read");
  CHECK_CALL(set, views, "view", 7, "qs.delete", "Customer write");
  CHECK_CALL(set, views, "view", 8, "Customer.objects.get", "Customer read");
  CHECK_CALL(set, views, "view", 10, "one.save", "Customer write email");
  CHECK_CALL(set, views, "view", 11, "Invoice", "-"); /* a constructor stores nothing */
  CHECK_CALL(set, views, "view", 12, "fresh.save", "Invoice write number,paid");
  CHECK_CALL(set, views, "view", 13, "Customer.objects.count", "Customer read");
  CHECK_CALL(set, views, "view", 14, "Plain.objects.filter", "-");
  CHECK_CALL(set, views, "view", 15, "<expr>.first", "Customer read");
  an_orm_set_delete(set);
  ir_unit_delete(views);
  ir_unit_delete(models);
}

static const char sa_src[] =
    "import sqlalchemy as sa\n"
    "from sqlalchemy.orm import Mapped, mapped_column\n"
    "\n"
    "class Note(Base):\n"
    "    __tablename__ = \"notes\"\n"
    "    id = Column(Integer, primary_key=True)\n"
    "    body = Column(\"body_text\", String(200))\n"
    "    author_id = Column(Integer, ForeignKey(\"users.id\"))\n"
    "    flag = db.Column(db.Boolean)\n"
    "    score = sa.Column(sa.Float)\n"
    "    author = relationship(\"User\")\n"
    "\n"
    "class Account(Base):\n"
    "    __tablename__ = \"accounts\"\n"
    "    id: Mapped[int] = mapped_column(primary_key=True)\n"
    "    email: Mapped[Optional[str]] = mapped_column(sa.String(100))\n"
    "    opened: Mapped[datetime] = mapped_column()\n"
    "    nick: Mapped[str]\n"
    "    posts: Mapped[List[\"Post\"]] = relationship(back_populates=\"author\")\n"
    "\n"
    "class OrderLine(db.Model):\n"
    "    qty = db.Column(db.Integer)\n"
    "\n"
    "def f(session, b):\n"
    "    s = session.query(Note).all()\n"
    "    session.add(Note(body=\"x\", other=3))\n"
    "    q = select(Account).where(Account.id == 1)\n"
    "    n = Note(body=b)\n"
    "    n.flag = True\n"
    "    db.session.add(n)\n"
    "    session.query(Account).filter(Account.id == 1).update({\"email\": \"x\"})\n"
    "    session.add_all([Account(email=\"a\"), Account(nick=\"b\")])\n"
    "    session.execute(sa.update(Account).values(email=\"z\"))\n"
    "    session.query(Account.email, Account.nick).all()\n"
    "    OrderLine.query.filter_by(qty=1).first()\n"
    "    a = session.get(Account, 5)\n"
    "    session.delete(a)\n"
    "    session.query(Unknown).all()\n"
    "    session.add(thing)\n";

static void test_sqlalchemy(void) {
  an_orm_set *set = an_orm_set_new();
  ir_unit *u = lower("app/db.py", sa_src);
  an_orm_add_unit(set, u);
  CHECK_INT(an_orm_count(set), 3);
  CHECK_MODEL(set, "sqlalchemy", "Note",
              "sqlalchemy Note notes: id INTEGER, body_text TEXT, author_id INTEGER, flag "
              "INTEGER, score REAL");
  CHECK_MODEL(set, "sqlalchemy", "Account",
              "sqlalchemy Account accounts: id INTEGER, email TEXT, opened TEXT, nick TEXT");
  CHECK_MODEL(set, "sqlalchemy", "OrderLine", "sqlalchemy OrderLine order_line: qty INTEGER");
  check_ddl(set);

  CHECK_CALL(set, u, "f", 25, "session.query", "-");
  CHECK_CALL(set, u, "f", 25, "<expr>.all", "Note read");
  CHECK_CALL(set, u, "f", 26, "session.add", "Note write body_text");
  CHECK_CALL(set, u, "f", 27, "select", "-"); /* .where follows */
  CHECK_CALL(set, u, "f", 27, "<expr>.where", "Account read");
  CHECK_CALL(set, u, "f", 30, "db.session.add", "Note write body_text,flag");
  CHECK_CALL(set, u, "f", 31, "<expr>.update", "Account write email");
  CHECK_CALL(set, u, "f", 32, "session.add_all", "Account write email,nick");
  CHECK_CALL(set, u, "f", 33, "<expr>.values", "Account write email");
  CHECK_CALL(set, u, "f", 33, "sa.update", "-");
  CHECK_CALL(set, u, "f", 34, "<expr>.all", "Account read email,nick");
  CHECK_CALL(set, u, "f", 35, "<expr>.first", "OrderLine read");
  CHECK_CALL(set, u, "f", 36, "session.get", "Account read");
  CHECK_CALL(set, u, "f", 37, "session.delete", "Account write");
  CHECK_CALL(set, u, "f", 38, "session.query", "-");
  CHECK_CALL(set, u, "f", 39, "session.add", "-");
  an_orm_set_delete(set);
  ir_unit_delete(u);
}

static const char jpa_src[] = "package com.shop;\n"
                              "import javax.persistence.*;\n"
                              "@Entity\n"
                              "@Table(name=\"app_users\")\n"
                              "public class User {\n"
                              "  @Id @GeneratedValue private Long id;\n"
                              "  @Column(name=\"email_address\") private String email;\n"
                              "  private static final long serialVersionUID = 1L;\n"
                              "  private static final int MAX_LEN = 5;\n"
                              "  private int age;\n"
                              "  private java.math.BigDecimal credit;\n"
                              "  private boolean active;\n"
                              "  private byte[] photo;\n"
                              "  private java.time.LocalDate born;\n"
                              "  private List<Order> orders;\n"
                              "  public String getEmail() { return email; }\n"
                              "}\n"
                              "@javax.persistence.Entity(name = \"Person\")\n"
                              "class Member { private String nick; }\n"
                              "@Entity class Order { private Long id; private double total; }\n"
                              "class Dto { private String email; }\n";

static void test_jpa(void) {
  an_orm_set *set = an_orm_set_new();
  ir_unit *u = lower("src/User.java", jpa_src);
  an_orm_add_unit(set, u);
  CHECK_INT(an_orm_count(set), 3);
  CHECK_MODEL(set, "jpa", "User",
              "jpa User app_users: id INTEGER, email_address TEXT, age INTEGER, credit REAL, "
              "active INTEGER, photo BLOB, born TEXT");
  CHECK_MODEL(set, "jpa", "Member", "jpa Member Person: nick TEXT");
  CHECK_MODEL(set, "jpa", "Order", "jpa Order Order: id INTEGER, total REAL");
  CHECK(an_orm_find(set, "jpa", "Dto") == NULL);
  check_ddl(set);
  an_orm_set_delete(set);
  ir_unit_delete(u);
}

static const char gorm_src[] =
    "package models\n"
    "import \"gorm.io/gorm\"\n"
    "type Order struct {\n"
    "\tgorm.Model\n"
    "\tUserID uint\n"
    "\tCardNumber string `json:\"card_number\"`\n"
    "\tEmail string `gorm:\"column:contact_email\" json:\"email\"`\n"
    "\tTotal float64\n"
    "\tPaid bool\n"
    "\tReceipt []byte\n"
    "\tShippedAt *time.Time\n"
    "\tItems []OrderItem\n"
    "\tAddress Address\n"
    "\tBuyer *User\n"
    "\tnote string\n"
    "}\n"
    "type OrderItem struct {\n"
    "\tgorm.Model\n"
    "\tName string\n"
    "}\n"
    "type Address struct { ID uint; Street string; DeletedAt gorm.DeletedAt }\n"
    "type Category struct { ID uint; Title string; Del gorm.DeletedAt }\n"
    "func (Category) TableName() string { return \"shop_categories\" }\n"
    "type Plain struct { ID uint; Name string }\n"
    "func setup(db *gorm.DB) {\n"
    "\tdb.Create(&Order{UserID: 1})\n"
    "}\n";

static void test_gorm(void) {
  an_orm_set *set = an_orm_set_new();
  ir_unit *u = lower("models/order.go", gorm_src);
  an_orm_add_unit(set, u);
  CHECK_INT(an_orm_count(set), 4);
  CHECK_MODEL(set, "gorm", "Order",
              "gorm Order orders: id INTEGER, created_at TEXT, updated_at TEXT, deleted_at TEXT, "
              "user_id INTEGER, card_number TEXT, email TEXT, total REAL, paid INTEGER, receipt "
              "BLOB, shipped_at TEXT");
  CHECK_MODEL(set, "gorm", "OrderItem",
              "gorm OrderItem order_items: id INTEGER, created_at TEXT, updated_at TEXT, "
              "deleted_at TEXT, name TEXT");
  CHECK_MODEL(set, "gorm", "Address",
              "gorm Address addresses: id INTEGER, street TEXT, deleted_at TEXT");
  CHECK_MODEL(set, "gorm", "Category",
              "gorm Category shop_categories: id INTEGER, title TEXT, del TEXT");
  CHECK(an_orm_find(set, "gorm", "Plain") == NULL);
  const an_orm_model *m = an_orm_find(set, "gorm", "Order");
  CHECK_STR(m->attrs[5], "CardNumber");
  check_ddl(set);
  /* GORM call sites: the struct type is not in the IR */
  CHECK_CALL(set, u, "setup", 26, "db.Create", "-");
  an_orm_set_delete(set);
  ir_unit_delete(u);
}

static const char seq_src[] =
    "const User = sequelize.define('User', { email: DataTypes.STRING, name: {type: "
    "DataTypes.STRING(80), field: 'full_name'}, age: DataTypes.INTEGER, score: Sequelize.FLOAT, "
    "temp: DataTypes.VIRTUAL }, { tableName: 'users' });\n"
    "const Tag = sequelize.define('Category', { id: { type: DataTypes.INTEGER, primaryKey: true "
    "}, label: DataTypes.TEXT }, { timestamps: false, freezeTableName: true });\n"
    "class Account extends Model {}\n"
    "Account.init({ iban: DataTypes.STRING, openedOn: DataTypes.DATEONLY }, { sequelize, "
    "underscored: true, paranoid: true });\n"
    "customElements.define('x-card', { connected: true });\n"
    "const Post = sequelize.define('Post', { title: DataTypes.STRING });\n";

static const char seq_calls[] =
    "async function h(req, other) {\n"
    "  await User.create({ email: req.body.email, bogus: 1 });\n"
    "  const all = await User.findAll({ where: { email: 'x' }, attributes: ['email', 'age'] });\n"
    "  await User.update({ name: 'n' }, { where: { id: 1 } });\n"
    "  const u = await User.findOne({ where: { id: 1 } });\n"
    "  u.age = 3;\n"
    "  await u.save();\n"
    "  const b = User.build({ email: 'e' });\n"
    "  await b.save();\n"
    "  await db.Account.destroy({ where: { iban: 'x' } });\n"
    "  await Tag.bulkCreate([{ label: 'a' }, { label: 'b' }]);\n"
    "  await u.increment('age');\n"
    "  await other.create({ email: 'q' });\n"
    "  await User.count();\n"
    "}\n";

static void test_sequelize(void) {
  an_orm_set *set = an_orm_set_new();
  ir_unit *models = lower("src/models.js", seq_src);
  ir_unit *calls = lower("src/routes.ts", seq_calls);
  an_orm_add_unit(set, models);
  an_orm_add_unit(set, calls);
  CHECK_INT(an_orm_count(set), 4);
  CHECK_MODEL(set, "sequelize", "User",
              "sequelize User users: id INTEGER, email TEXT, full_name TEXT, age INTEGER, score "
              "REAL, createdAt TEXT, updatedAt TEXT");
  CHECK_MODEL(set, "sequelize", "Tag", "sequelize Tag Category: id INTEGER, label TEXT");
  CHECK_MODEL(set, "sequelize", "Account",
              "sequelize Account Accounts: id INTEGER, iban TEXT, opened_on TEXT, created_at TEXT, "
              "updated_at TEXT, deleted_at TEXT");
  CHECK_MODEL(set, "sequelize", "Post",
              "sequelize Post Posts: id INTEGER, title TEXT, createdAt TEXT, updatedAt TEXT");
  check_ddl(set);

  CHECK_CALL(set, calls, "h", 2, "User.create", "User write email");
  CHECK_CALL(set, calls, "h", 3, "User.findAll", "User read email,age");
  CHECK_CALL(set, calls, "h", 4, "User.update", "User write full_name");
  CHECK_CALL(set, calls, "h", 5, "User.findOne", "User read");
  CHECK_CALL(set, calls, "h", 7, "u.save", "User write age");
  CHECK_CALL(set, calls, "h", 8, "User.build", "-");
  CHECK_CALL(set, calls, "h", 9, "b.save", "User write email");
  CHECK_CALL(set, calls, "h", 10, "db.Account.destroy", "Account write");
  CHECK_CALL(set, calls, "h", 11, "Tag.bulkCreate", "Tag write label");
  CHECK_CALL(set, calls, "h", 12, "u.increment", "User write age");
  CHECK_CALL(set, calls, "h", 13, "other.create", "-");
  CHECK_CALL(set, calls, "h", 14, "User.count", "User read");
  an_orm_set_delete(set);
  ir_unit_delete(calls);
  ir_unit_delete(models);
}

static const char prisma_schema[] =
    "// the shop's schema\n"
    "datasource db {\n"
    "  provider = \"postgresql\"\n"
    "  url      = env(\"DATABASE_URL\")\n"
    "}\n"
    "generator client { provider = \"prisma-client-js\" }\n"
    "\n"
    "enum Role {\n"
    "  USER\n"
    "  ADMIN\n"
    "}\n"
    "\n"
    "model User {\n"
    "  id        Int      @id @default(autoincrement())\n"
    "  email     String   @unique @map(\"email_address\") // the login\n"
    "  name      String?\n"
    "  role      Role     @default(USER)\n"
    "  balance   Decimal\n"
    "  avatar    Bytes?\n"
    "  active    Boolean  @default(true)\n"
    "  createdAt DateTime @default(now()) @map(name: \"created_at\")\n"
    "  posts     Post[]\n"
    "  profile   Profile?\n"
    "  tags      String[]\n"
    "  @@map(\"users\")\n"
    "}\n"
    "\n"
    "model Post {\n"
    "  id       BigInt @id\n"
    "  title    String @default(\"a } brace\")\n"
    "  author   User   @relation(fields: [authorId], references: [id])\n"
    "  authorId Int\n"
    "  meta     Json?\n"
    "  @@index([authorId])\n"
    "}\n"
    "model Profile { id Int @id\n  userId Int @unique\n  user User @relation(fields: [userId], "
    "references: [id]) }\n"
    "model OrderItem {\n"
    "  id    Int   @id\n"
    "  price Float\n"
    "}\n";

static const char prisma_calls[] =
    "async function g(id) {\n"
    "  await prisma.user.findMany({ select: { email: true, posts: true } });\n"
    "  await this.prisma.user.create({ data: { email: 'a', name: 'b', posts: { create: [] } } });\n"
    "  await prisma.orderItem.findUnique({ where: { id } });\n"
    "  await prisma.user.createMany({ data: [{ email: 'a' }, { name: 'b' }] });\n"
    "  await prisma.user.upsert({ where: { id: 1 }, create: { email: 'a' }, update: { role: 'X' } "
    "});\n"
    "  await tx.post.deleteMany({ where: { authorId: id } });\n"
    "  await prisma.order.findMany();\n"
    "  await cache.user.findMany();\n"
    "  await prisma.user.frobnicate();\n"
    "}\n";

static void test_prisma(void) {
  an_orm_set *set = an_orm_set_new();
  CHECK_INT(an_orm_add_prisma(set, prisma_schema, "prisma/schema.prisma"), 4);
  CHECK_INT(an_orm_add_prisma(set, NULL, "x"), 0);
  CHECK_INT(an_orm_add_prisma(set, "enum A { B }\n// model X { id Int }\n", "x"), 0);
  CHECK_MODEL(set, "prisma", "user",
              "prisma user users: id INTEGER, email_address TEXT, name TEXT, role TEXT, balance "
              "REAL, avatar BLOB, active INTEGER, created_at TEXT");
  CHECK_MODEL(set, "prisma", "post",
              "prisma post Post: id INTEGER, title TEXT, authorId INTEGER, meta TEXT");
  CHECK_MODEL(set, "prisma", "profile", "prisma profile Profile: id INTEGER, userId INTEGER");
  CHECK_MODEL(set, "prisma", "orderItem", "prisma orderItem OrderItem: id INTEGER, price REAL");
  const an_orm_model *m = an_orm_find(set, "prisma", "user");
  CHECK_STR(m->path, "prisma/schema.prisma");
  CHECK_INT(m->line, 13);
  CHECK_STR(m->attrs[1], "email");
  check_ddl(set);

  ir_unit *u = lower("src/service.ts", prisma_calls);
  CHECK_CALL(set, u, "g", 2, "prisma.user.findMany", "user read email_address");
  CHECK_CALL(set, u, "g", 3, "this.prisma.user.create", "user write email_address,name");
  CHECK_CALL(set, u, "g", 4, "prisma.orderItem.findUnique", "orderItem read");
  CHECK_CALL(set, u, "g", 5, "prisma.user.createMany", "user write email_address,name");
  CHECK_CALL(set, u, "g", 6, "prisma.user.upsert", "user write email_address,role");
  CHECK_CALL(set, u, "g", 7, "tx.post.deleteMany", "post write");
  CHECK_CALL(set, u, "g", 8, "prisma.order.findMany", "-");
  CHECK_CALL(set, u, "g", 9, "cache.user.findMany", "-");
  CHECK_CALL(set, u, "g", 10, "prisma.user.frobnicate", "-");
  an_orm_set_delete(set);
  ir_unit_delete(u);
}

/* Names that need quoting, and the edges of the API. */
static void test_edges(void) {
  an_orm_set *set = an_orm_set_new();
  CHECK_INT(
      an_orm_add_prisma(
          set, "model Q {\n  id Int @id @map(\"a\\\"b\")\n  @@map(\"we\\\"ird\")\n}\n", "q.prisma"),
      1);
  const an_orm_model *m = an_orm_at(set, 0);
  char *ddl = an_orm_ddl(m);
  CHECK_STR(ddl, "CREATE TABLE \"we\"\"ird\" (\"a\"\"b\" INTEGER)");
  free(ddl);
  CHECK(an_orm_at(set, 1) == NULL);
  CHECK(an_orm_find(set, "nosuch", "Q") == NULL);
  an_orm_call c;
  ir_unit *u = lower("a.py", "def f():\n    x = 1\n");
  CHECK(!an_orm_call_at(set, u, u->funcs[0], 0, &c));
  CHECK(!an_orm_call_at(set, u, u->funcs[0], 999, &c));
  ir_unit_delete(u);
  an_orm_set_delete(set);
  an_orm_set_delete(NULL);
  CHECK_INT(an_orm_count(NULL), 0);
}

int main(void) {
  strings = as_intern_new();
  test_django();
  test_sqlalchemy();
  test_jpa();
  test_gorm();
  test_sequelize();
  test_prisma();
  test_edges();
  as_intern_delete(strings);
  return CHECK_DONE();
}
