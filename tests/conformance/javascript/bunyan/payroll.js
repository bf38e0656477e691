const bunyan = require('bunyan');

class Payroll {
  constructor(parent) {
    this.parent = parent;
    this.log = bunyan.createLogger({ name: 'payroll' });
  }

  update(employee) {
    this.log.info({ fields: Object.keys(employee).length }, 'payroll update');
    this.log.debug({ account: employee.bankAccount }, 'bank account changed'); // expect: pii-to-log user.financial.bank_account
    const taxLog = this.log.child({ taxId: employee.taxId }, true);
    taxLog.error('tax id rejected'); // expect: pii-to-log user.government_id.national_identification_number
  }
}

module.exports = { Payroll };
