/*
 * orm.h — tables declared by ORM models, and the ORM calls that read or
 * write them.
 *
 * A model is a class or struct an ORM maps to a table. Each becomes a CREATE
 * TABLE statement (an_orm_ddl) that the SQL schema of its service loads
 * (sql.h), so SQL written against an ORM table resolves too. An ORM call is a
 * call site that reads or writes a model's table through the ORM.
 *
 * Models, as read from the lowered IR (base classes are not in the IR, so a
 * class is recognised by what its body declares):
 *
 * - Django (Python): a class with an attribute initialised by a field call,
 *   models.XField(...) / models.ForeignKey(...) or an XField imported from
 *   django.*. Table: Meta.db_table, else the class name lowercased (Django's
 *   real default is "<app_label>_<model>", but the IR has no app label). An
 *   implicit "id" INTEGER comes first unless a field says primary_key=True.
 *   ForeignKey / OneToOneField give "<name>_id"; db_column="x" renames;
 *   ManyToManyField (a join table) is skipped; Meta.abstract = True models
 *   are not tables.
 * - SQLAlchemy (Python): a class with __tablename__ = "x" or an attribute
 *   initialised by Column(...) / mapped_column(...) (any receiver: db.Column,
 *   sa.Column). Column("name", ...) or name="x" renames; the type is the
 *   first type argument (Integer, String(50), sa.Boolean) or, failing that,
 *   the Mapped[...] annotation; an annotation-only "x: Mapped[int]" is a
 *   column too. relationship() is not a column. Without __tablename__ the
 *   table is the snake_case class name (Flask-SQLAlchemy's rule).
 * - JPA (Java): a class annotated @Entity. Table: @Table(name), else the
 *   @Entity(name), else the class name (Hibernate's default naming keeps the
 *   entity name; Spring Boot's snake_case physical naming is not applied).
 *   Column: the field's tag, else its name.
 * - GORM (Go): a struct embedding gorm.Model (which gives id, created_at,
 *   updated_at, deleted_at in its place) or with a field of a gorm.* type.
 *   Table: the string a TableName() method on the struct returns, else the
 *   snake_case plural of the struct name (OrderItem -> order_items). Columns:
 *   snake_case of the exported field names (UserID -> user_id).
 * - Sequelize (JavaScript/TypeScript): sequelize.define('Name', {attrs},
 *   {options}) and X.init({attrs}, {sequelize, ...options}); an attribute is
 *   DataTypes.X (or Sequelize.X, DataTypes.X(n)) or {type: ..., field:
 *   'column', primaryKey: true}; VIRTUAL attributes are skipped. Table:
 *   tableName, else modelName (freezeTableName) or the model name pluralised
 *   (User -> Users). Like Sequelize, an "id" INTEGER comes first unless an
 *   attribute is the primary key or is named id, and createdAt/updatedAt
 *   (underscored: created_at/updated_at; deletedAt when paranoid) come last
 *   unless timestamps: false. The model's name is the variable the define
 *   call is assigned to, else the define's name.
 * - Prisma: model (and view) blocks of schema.prisma text, see
 *   an_orm_add_prisma.
 *
 * Plurals (GORM, Sequelize) follow a subset of the inflection rules those
 * ORMs use: uncountables (equipment, information, money, ...), irregulars
 * (person, man, woman, child), -s/-x/-z/-ch/-sh -> -es ("address" ->
 * "addresses"), consonant+y -> -ies, -fe/-lf/-rf -> -ves, -sis -> -ses, and a
 * word already ending in a single s kept as it is.
 *
 * Limits (what the IR does not hold):
 * - Python: inherited fields (abstract base models, mixins) are not seen;
 *   only fields built by recognised field calls count (a custom Field
 *   subclass is not one).
 * - Java: field annotations are not in the IR, so @Transient fields,
 *   @ManyToOne/@OneToOne (join column "<field>_id") and @Embedded are not
 *   recognised: such fields are columns named after the field. Field
 *   modifiers are not in the IR either; serialVersionUID and ALL_CAPS
 *   constant names are taken as static and skipped. Collection-typed fields
 *   (List, Set, Map, ... and arrays other than byte[]/char[]) are skipped as
 *   relations. The IR's field tag is the first of @JsonProperty,
 *   @SerializedName, @JsonbProperty or @Column(name) on the field, so a field
 *   with a JSON name annotation before its @Column gets the JSON name.
 * - Go: the IR keeps only the json struct tag, so gorm:"column:x" overrides
 *   and gorm:"-" are not applied; struct types are lost in composite
 *   literals (&X{} lowers to a const "<init>"), so models passed to
 *   AutoMigrate are not detected, and GORM call sites are not recognised.
 *   Embedded fields are not marked in the IR: a field named as its type's
 *   last component is taken as embedded and skipped (gorm.Model excepted,
 *   and gorm.*, time.*, sql.* types: DeletedAt gorm.DeletedAt is a column);
 *   unexported fields are skipped like GORM does; fields whose type is a
 *   slice (but []byte), a map, a pointer to a type of the package (*User) or
 *   a struct of the same file are taken as relations and skipped.
 * - Prisma: enums and models declared in other schema files are not known,
 *   so a field of such a type is skipped (taken as a relation).
 * - SQLAlchemy: a loaded instance whose attributes are changed and then
 *   flushed by session.commit() without add/merge is not seen as a write.
 * - A model without any column is not added. When two models of one ORM
 *   have the same name (two services), calls resolve to the first added.
 *
 * ORM calls (an_orm_call_at) recognised:
 * - Django: X.objects.<m> with reads all, filter, exclude, get, first, last,
 *   values, values_list, only, count, exists, aggregate, in_bulk, iterator
 *   (and the other queryset builders), writes create, update, delete,
 *   bulk_create, bulk_update, get_or_create, update_or_create; chains on a
 *   queryset, through a temporary or a variable (X.objects.filter(...)
 *   .update(...)); instance.save() / .delete() on an instance from get/first/
 *   create or a constructor X(...).
 * - SQLAlchemy: session.query(X | X.col, ...), select(X | X.col),
 *   insert/update/delete(X), session.get(X, id), X.query.<m>
 *   (Flask-SQLAlchemy), their chains (.filter(...).update({...}),
 *   .values(col=...), .delete()), and session.add/merge/delete/add_all of an
 *   instance built by X(...) or loaded by a query.
 * - Sequelize: X.<m> (also db.X.<m>) with reads findAll, findOne, findByPk,
 *   findAndCountAll, count, max, min, sum and writes create, bulkCreate,
 *   update, upsert, destroy, increment, decrement, findOrCreate, truncate,
 *   restore; instance save/update/destroy/increment/decrement/reload on an
 *   instance from findOne/findByPk/create or X.build(...).
 * - Prisma: <client>.<model>.<m> where <client> contains "prisma" or is tx
 *   or db (prisma.user, this.prisma.user, tx.user): reads findMany,
 *   findUnique(OrThrow), findFirst(OrThrow), count, aggregate, groupBy;
 *   writes create, createMany(AndReturn), update, updateMany(AndReturn),
 *   upsert, delete, deleteMany.
 * - JPA: none (Spring Data repository calls are not read; the SQL and JPQL
 *   strings in the code are analysed elsewhere). GORM: none (see above).
 * A call that starts a chain whose next link is itself an ORM call on the
 * same model (session.query(X).filter(...).all()) is not reported: the last
 * link of the chain is, with the columns the chain names.
 */
#ifndef ASSAY_ORM_H
#define ASSAY_ORM_H

#include "../ir/ir.h"

typedef struct an_orm_model {
  const char *orm;      /* "django", "sqlalchemy", "jpa", "gorm", "sequelize", "prisma" (static) */
  const char *name;     /* the model as code names it ("Customer", "user" for prisma.user) */
  const char *table;    /* the table it maps to */
  const char **columns; /* column names, in declaration order (at least one) */
  const char **types; /* SQL type of each column ("TEXT", "INTEGER", "REAL", "BLOB"), never NULL */
  const char **attrs; /* the name code uses for each column: the attribute, field or key
                         ("owner" for Django's "owner_id", "CardNumber" for GORM's
                         "card_number", "email" for Prisma's @map("email_address")) */
  uint32_t ncolumns;
  const char *path; /* where it is declared (relative to the scan root) */
  uint32_t line;
} an_orm_model;

/* A set of models. Its strings are the units' interned strings or owned by
 * the set; the set must not outlive the units added to it. */
typedef struct an_orm_set an_orm_set;

an_orm_set *an_orm_set_new(void);
void an_orm_set_delete(an_orm_set *self); /* NULL is safe */

/* Add the models a lowered unit declares (Python, Java, Go, JavaScript and
 * TypeScript units; others add nothing). The unit must outlive the set. */
void an_orm_add_unit(an_orm_set *self, const ir_unit *u);

/* Add the models of a Prisma schema (text of a schema.prisma file); origin is
 * its path relative to the scan root (copied). Returns the number added.
 *
 * A small line-oriented reader: `//` comments are dropped; model and view
 * blocks are read, enum, type, datasource and generator blocks skipped. A
 * field line is `name Type[?|[]] @attributes...`; a field whose type is a
 * list (Post[], String[]), another model or composite type of the text, or
 * that has @relation is a relation and skipped. Int/BigInt -> INTEGER,
 * String/DateTime/Json -> TEXT, Float/Decimal -> REAL, Boolean -> INTEGER,
 * Bytes -> BLOB, an enum of the text or Unsupported("...") -> TEXT. @map("x")
 * names the column, @@map("x") the table (else the model name). The model's
 * name is the client's accessor: the model name with its first letter
 * lowercased (OrderItem -> "orderItem"). */
size_t an_orm_add_prisma(an_orm_set *self, const char *text, const char *origin);

size_t an_orm_count(const an_orm_set *self);
const an_orm_model *an_orm_at(const an_orm_set *self, size_t i);
/* The first model of ORM orm ("django", ...) named name, or NULL. */
const an_orm_model *an_orm_find(const an_orm_set *self, const char *orm, const char *name);

/* The model's CREATE TABLE statement, identifiers double-quoted (an embedded
 * quote doubled): CREATE TABLE "users" ("id" INTEGER, "email" TEXT). The
 * caller frees it. */
char *an_orm_ddl(const an_orm_model *m);

typedef enum { AN_ORM_READ, AN_ORM_WRITE } an_orm_op;

typedef struct an_orm_call {
  const an_orm_model *model;
  an_orm_op op;
  /* The columns the call names, as model column names, in the order the
   * code names them: the fields a write sets (Django create(email=...),
   * Sequelize create({email}), Prisma data: {...}, update's fields, the
   * attributes stored on an instance before its save()) or a read selects
   * (values('email'), session.query(X.email), Prisma select, Sequelize
   * attributes). NULL and 0 when it reads or writes the whole row. Owned by
   * the set. */
  const char **columns;
  uint32_t ncolumns;
} an_orm_call;

/* Is instruction inst of fn (in unit u) an ORM call on one of the set's
 * models? Fills *out and returns true, else returns false (also for an
 * instruction that is not a CALL, or an index out of range). The models may
 * come from other units than u. */
bool an_orm_call_at(const an_orm_set *self, const ir_unit *u, const ir_func *fn, uint32_t inst,
                    an_orm_call *out);

#endif
