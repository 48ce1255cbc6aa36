# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'inspection_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_InspectionDialog(object):
    def setupUi(self, InspectionDialog):
        if not InspectionDialog.objectName():
            InspectionDialog.setObjectName(u"InspectionDialog")
        InspectionDialog.resize(520, 200)
        self.main_layout = QVBoxLayout(InspectionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(InspectionDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)
        self.intro_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.kind_label = QLabel(InspectionDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(InspectionDialog)
        self.kind_combo.addItem("")
        self.kind_combo.addItem("")
        self.kind_combo.addItem("")
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.examiner_label = QLabel(InspectionDialog)
        self.examiner_label.setObjectName(u"examiner_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.examiner_label)

        self.examiner_edit = QLineEdit(InspectionDialog)
        self.examiner_edit.setObjectName(u"examiner_edit")
        self.examiner_edit.setMaxLength(120)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.examiner_edit)

        self.seal_check_label = QLabel(InspectionDialog)
        self.seal_check_label.setObjectName(u"seal_check_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.seal_check_label)

        self.seal_check_combo = QComboBox(InspectionDialog)
        self.seal_check_combo.addItem("")
        self.seal_check_combo.addItem("")
        self.seal_check_combo.addItem("")
        self.seal_check_combo.setObjectName(u"seal_check_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.seal_check_combo)

        self.reweigh_label = QLabel(InspectionDialog)
        self.reweigh_label.setObjectName(u"reweigh_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.reweigh_label)

        self.reweigh_edit = QLineEdit(InspectionDialog)
        self.reweigh_edit.setObjectName(u"reweigh_edit")
        self.reweigh_edit.setMaxLength(12)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reweigh_edit)

        self.findings_label = QLabel(InspectionDialog)
        self.findings_label.setObjectName(u"findings_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.findings_label)

        self.findings_combo = QComboBox(InspectionDialog)
        self.findings_combo.addItem("")
        self.findings_combo.addItem("")
        self.findings_combo.addItem("")
        self.findings_combo.setObjectName(u"findings_combo")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.findings_combo)

        self.decision_label = QLabel(InspectionDialog)
        self.decision_label.setObjectName(u"decision_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.decision_label)

        self.decision_combo = QComboBox(InspectionDialog)
        self.decision_combo.addItem("")
        self.decision_combo.addItem("")
        self.decision_combo.addItem("")
        self.decision_combo.addItem("")
        self.decision_combo.setObjectName(u"decision_combo")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.decision_combo)

        self.new_seal_label = QLabel(InspectionDialog)
        self.new_seal_label.setObjectName(u"new_seal_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.new_seal_label)

        self.new_seal_edit = QLineEdit(InspectionDialog)
        self.new_seal_edit.setObjectName(u"new_seal_edit")
        self.new_seal_edit.setMaxLength(15)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.new_seal_edit)

        self.remarks_label = QLabel(InspectionDialog)
        self.remarks_label.setObjectName(u"remarks_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.remarks_label)

        self.remarks_edit = QPlainTextEdit(InspectionDialog)
        self.remarks_edit.setObjectName(u"remarks_edit")
        self.remarks_edit.setTabChangesFocus(True)
        self.remarks_edit.setMaximumSize(QSize(16777215, 80))

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.remarks_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(InspectionDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(InspectionDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind_combo)
        self.examiner_label.setBuddy(self.examiner_edit)
        self.seal_check_label.setBuddy(self.seal_check_combo)
        self.reweigh_label.setBuddy(self.reweigh_edit)
        self.findings_label.setBuddy(self.findings_combo)
        self.decision_label.setBuddy(self.decision_combo)
        self.new_seal_label.setBuddy(self.new_seal_edit)
        self.remarks_label.setBuddy(self.remarks_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kind_combo, self.examiner_edit)
        QWidget.setTabOrder(self.examiner_edit, self.seal_check_combo)
        QWidget.setTabOrder(self.seal_check_combo, self.reweigh_edit)
        QWidget.setTabOrder(self.reweigh_edit, self.findings_combo)
        QWidget.setTabOrder(self.findings_combo, self.decision_combo)
        QWidget.setTabOrder(self.decision_combo, self.new_seal_edit)
        QWidget.setTabOrder(self.new_seal_edit, self.remarks_edit)

        self.retranslateUi(InspectionDialog)

        QMetaObject.connectSlotsByName(InspectionDialog)
    # setupUi

    def retranslateUi(self, InspectionDialog):
        InspectionDialog.setWindowTitle(QCoreApplication.translate("InspectionDialog", u"Inspection \u2014 Taftan Desk", None))
#if QT_CONFIG(accessibility)
        self.intro_label.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"About this step", None))
#endif // QT_CONFIG(accessibility)
        self.intro_label.setText("")
        self.kind_label.setText(QCoreApplication.translate("InspectionDialog", u"&Kind", None))
        self.kind_combo.setItemText(0, QCoreApplication.translate("InspectionDialog", u"Documentary", None))
        self.kind_combo.setItemText(1, QCoreApplication.translate("InspectionDialog", u"Physical", None))
        self.kind_combo.setItemText(2, QCoreApplication.translate("InspectionDialog", u"Scanner / X-ray", None))

#if QT_CONFIG(accessibility)
        self.kind_combo.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"Kind of inspection", None))
#endif // QT_CONFIG(accessibility)
        self.examiner_label.setText(QCoreApplication.translate("InspectionDialog", u"E&xaminer", None))
#if QT_CONFIG(accessibility)
        self.examiner_edit.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"Examiner", None))
#endif // QT_CONFIG(accessibility)
        self.seal_check_label.setText(QCoreApplication.translate("InspectionDialog", u"&Seal check", None))
        self.seal_check_combo.setItemText(0, QCoreApplication.translate("InspectionDialog", u"Not checked", None))
        self.seal_check_combo.setItemText(1, QCoreApplication.translate("InspectionDialog", u"Intact", None))
        self.seal_check_combo.setItemText(2, QCoreApplication.translate("InspectionDialog", u"Discrepancy", None))

#if QT_CONFIG(accessibility)
        self.seal_check_combo.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"Seal check", None))
#endif // QT_CONFIG(accessibility)
        self.reweigh_label.setText(QCoreApplication.translate("InspectionDialog", u"&Re-weighed gross kg", None))
#if QT_CONFIG(accessibility)
        self.reweigh_edit.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"Re-weighed gross in kilograms", None))
#endif // QT_CONFIG(accessibility)
        self.reweigh_edit.setPlaceholderText(QCoreApplication.translate("InspectionDialog", u"only if re-weighed", None))
        self.findings_label.setText(QCoreApplication.translate("InspectionDialog", u"&Findings", None))
        self.findings_combo.setItemText(0, QCoreApplication.translate("InspectionDialog", u"No discrepancy", None))
        self.findings_combo.setItemText(1, QCoreApplication.translate("InspectionDialog", u"Discrepancy", None))
        self.findings_combo.setItemText(2, QCoreApplication.translate("InspectionDialog", u"Prohibited goods", None))

#if QT_CONFIG(accessibility)
        self.findings_combo.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"Findings", None))
#endif // QT_CONFIG(accessibility)
        self.decision_label.setText(QCoreApplication.translate("InspectionDialog", u"&Decision", None))
        self.decision_combo.setItemText(0, QCoreApplication.translate("InspectionDialog", u"Release", None))
        self.decision_combo.setItemText(1, QCoreApplication.translate("InspectionDialog", u"Hold", None))
        self.decision_combo.setItemText(2, QCoreApplication.translate("InspectionDialog", u"Refer", None))
        self.decision_combo.setItemText(3, QCoreApplication.translate("InspectionDialog", u"Refuse entry", None))

#if QT_CONFIG(accessibility)
        self.decision_combo.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"Decision", None))
#endif // QT_CONFIG(accessibility)
        self.new_seal_label.setText(QCoreApplication.translate("InspectionDialog", u"&New seal", None))
#if QT_CONFIG(accessibility)
        self.new_seal_edit.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"New seal number applied after the examination", None))
#endif // QT_CONFIG(accessibility)
        self.remarks_label.setText(QCoreApplication.translate("InspectionDialog", u"Re&marks", None))
#if QT_CONFIG(accessibility)
        self.remarks_edit.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"Remarks", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("InspectionDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
    # retranslateUi

